extern alias web;
using System.Security.Claims;
using CxDashboard.Data;
using CxDashboard.Data.Access;
using CxDashboard.Data.Queries;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using web::CxDashboard.Web.Access;
using web::CxDashboard.Web.Board;
using web::CxDashboard.Web.Kpis;

namespace CxDashboard.Benchmarks.Pages;

/// <summary>
/// The pages' application services over a store, wired as the app wires them (its singletons over one context
/// factory), for an organisation editor: the board, the KPI tracker and the KPI page.
/// </summary>
internal sealed class PageServices
{
    public PageServices(IServiceProvider store)
        : this(store.GetRequiredService<IDbContextFactory<CxDbContext>>())
    {
    }

    public PageServices(IDbContextFactory<CxDbContext> contexts)
    {
        var organisation = new OrganisationQueries(contexts);
        var measurements = new MeasurementQueries(contexts);
        var kpis = new KpiQueries(contexts);
        Board = new RoxBoardService(measurements, organisation, new ExperimentQueries(contexts));
        Tracker = new KpiTrackerService(kpis, organisation, Board);
        Detail = new KpiDetailService(kpis, measurements, organisation, Board, new AccessGuard(new OrganisationEditor()));
    }

    public RoxBoardService Board { get; }

    public KpiTrackerService Tracker { get; }

    public KpiDetailService Detail { get; }

    /// <summary>An editor of the whole organisation (not limited to one partner), signed in as the app signs them in.</summary>
    private sealed class OrganisationEditor : AuthenticationStateProvider
    {
        private readonly Task<AuthenticationState> _state = Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, "editor@harbour.demo"), .. CxRoles.Including(CxRoles.Editor).Select(r => new Claim(ClaimTypes.Role, r))],
            "benchmark"))));

        public override Task<AuthenticationState> GetAuthenticationStateAsync() => _state;
    }
}
