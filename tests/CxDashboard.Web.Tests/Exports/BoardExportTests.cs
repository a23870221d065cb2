using CxDashboard.Core.Time;
using CxDashboard.Data.Access;
using CxDashboard.Web.Board;
using CxDashboard.Web.Exports;
using CxDashboard.Web.Tests.Board;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Web.Tests.Exports;

/// <summary>
/// The board's figures for exports and the API are the board's own numbers (the demo's October 2026, as checked by hand
/// for the board page), with units beside them; a month without data says which months have some.
/// </summary>
[Collection(SeededStoreGroup.Name)]
public sealed class BoardExportTests(SeededStore store)
{
    private static readonly YearMonth October = new(2026, 10);

    [Fact]
    public async Task October_2026_has_the_boards_figures_as_numbers_with_their_units()
    {
        await using var services = Services();
        var figures = await FiguresAsync(services, October);

        Assert.Equal(("2026-10", "2025-03", "USD", "admin@harbour.demo"), (figures.Month, figures.PeriodStart, figures.Currency, figures.GeneratedBy));
        Assert.Null(figures.PartnerScope);
        // The same figures the board page shows as 223.2 %, 123.2 %, 2.23×, $3,105,464, $2,737,572 and 8.8 months (with the
        // demo's significant holdout test, as DemoBoardFiguresTests works out by hand).
        Assert.Equal(["rox", "roi", "multiple", "net", "npv", "payback"], figures.Headline.Select(h => h.Key));
        Assert.Equal(223.2m, Math.Round(Headline(figures, "rox").Value!.Value, 1));
        Assert.Equal("%", Headline(figures, "rox").Unit);
        Assert.Equal(123.2m, Math.Round(Headline(figures, "roi").Value!.Value, 1));
        Assert.Equal(2.23m, Headline(figures, "multiple").Value);
        Assert.Equal(3_105_464m, Math.Round(Headline(figures, "net").Value!.Value));
        Assert.Equal("USD", Headline(figures, "net").Unit);
        Assert.Equal(2_737_572m, Math.Round(Headline(figures, "npv").Value!.Value));
        Assert.Equal(8.8m, Math.Round(Headline(figures, "payback").Value!.Value, 1));
        Assert.Equal("months", Headline(figures, "payback").Unit);
        Assert.Equal(220_505m, Math.Round(figures.ThisMonth.Net));
        Assert.Equal("2025-03", figures.ValueByMonth[0].Month);
        Assert.Equal(figures.ThisMonth, figures.ValueByMonth[^1]);
        Assert.Equal(RoxBoardService.TileKpis, figures.Kpis.Select(k => k.Code));
        var fcr = figures.Kpis.Single(k => k.Code == "FCR");
        Assert.Equal("rate (0-1)", fcr.Unit);
        Assert.InRange(fcr.Actual!.Value, 0, 1);
        Assert.Equal((fcr.Actual - fcr.Baseline)!.Value, fcr.DeltaVsBaseline!.Value, 9);
        Assert.Equal("USD", figures.Kpis.Single(k => k.Code == "CPC").Unit);
        Assert.Equal(3, figures.Initiatives.Count);
        Assert.Equal(2_588_901m, Math.Round(figures.Initiatives.Single(i => i.Name == "AI agent for tier-1 contacts").Gains!.Value));
    }

    [Fact]
    public async Task Without_a_month_the_latest_month_with_data_is_given()
    {
        await using var services = Services();
        var months = await services.GetRequiredService<RoxBoardService>().MonthsAsync();

        var figures = await FiguresAsync(services, null);

        Assert.Equal(months[^1].ToString(), figures.Month);
    }

    [Fact]
    public async Task A_month_without_data_says_which_months_have_some()
    {
        await using var services = Services();

        var result = await services.GetRequiredService<BoardExport>().FiguresAsync(new YearMonth(2031, 1), "admin@harbour.demo");

        var noData = Assert.IsType<BoardFiguresResult.NoData>(result);
        Assert.Equal("There is no data for 2031-01: the months with data run from 2024-11 to 2026-10.", noData.Problem);
    }

    [Fact]
    public async Task A_partner_readers_figures_name_their_partner_and_hold_no_organisation_costs()
    {
        await using var services = Services();
        var atlas = (await services.GetRequiredService<CxDashboard.Data.Queries.OrganisationQueries>().DimensionsAsync()).Partners.Single(p => p.Code == "ATLAS");

        BoardFigures figures;
        using (StoreActor.Use(new StoreActor("partner@harbour.demo", atlas.Id)))
            figures = await FiguresAsync(services, October);

        Assert.Equal("Atlas Contact Solutions", figures.PartnerScope);
        Assert.All(figures.ValueByMonth, m => Assert.Equal(0m, m.Investment));
        Assert.Null(Headline(figures, "rox").Value);
        Assert.NotNull(Headline(figures, "rox").NotApplicableReason);
    }

    private ServiceProvider Services()
    {
        var services = new ServiceCollection();
        store.AddAppServices(services);
        return services.BuildServiceProvider();
    }

    private static async Task<BoardFigures> FiguresAsync(IServiceProvider services, YearMonth? month)
    {
        var result = await services.GetRequiredService<BoardExport>().FiguresAsync(month, "admin@harbour.demo");
        return Assert.IsType<BoardFiguresResult.Found>(result).Figures;
    }

    private static HeadlineFigure Headline(BoardFigures figures, string key) => figures.Headline.Single(h => h.Key == key);
}
