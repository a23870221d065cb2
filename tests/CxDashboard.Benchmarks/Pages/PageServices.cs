extern alias web;
using System.Security.Claims;
using CxDashboard.Core.Time;
using CxDashboard.Data;
using CxDashboard.Data.Access;
using CxDashboard.Data.Queries;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using web::CxDashboard.Web.Access;
using web::CxDashboard.Web.Board;
using web::CxDashboard.Web.BoardPack;
using web::CxDashboard.Web.Gates;
using web::CxDashboard.Web.Partners;
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
        Pack = new BoardPackService(Board, organisation, contexts, new InitiativeTracking(Board, new GatePlans(measurements)), TimeProvider.System);
        Partners = new PartnerComparisonService(organisation, measurements, Board);
    }

    public RoxBoardService Board { get; }

    public KpiTrackerService Tracker { get; }

    public KpiDetailService Detail { get; }

    public BoardPackService Pack { get; }

    public PartnerComparisonService Partners { get; }

    /// <summary>
    /// What a board circuit computes when its reader changes month: the board, then the pack's sections on the board's
    /// computation and the partner comparison side by side, as the page's components load them.
    /// </summary>
    public async Task BoardPageAsync(YearMonth month)
    {
        var (_, computed) = await Board.LoadAsync(month);
        await Task.WhenAll(Pack.GetAsync(month, computed), Partners.GetAsync(month, computed));
    }

    /// <summary>An editor of the whole organisation (not limited to one partner), signed in as the app signs them in.</summary>
    private sealed class OrganisationEditor : AuthenticationStateProvider
    {
        private readonly Task<AuthenticationState> _state = Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, "editor@harbour.demo"), .. CxRoles.Including(CxRoles.Editor).Select(r => new Claim(ClaimTypes.Role, r))],
            "benchmark"))));

        public override Task<AuthenticationState> GetAuthenticationStateAsync() => _state;
    }
}
