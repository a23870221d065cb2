using CxDashboard.Core.Time;
using CxDashboard.Data;
using CxDashboard.Testing;
using CxDashboard.Web.Board;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Web.Tests.Board;

/// <summary>The same demo organisation gives the same board, figure for figure, on SQLite and on PostgreSQL.</summary>
[Collection(SeededStoreGroup.Name)]
public sealed class BoardAcrossStoresTests(SeededStore sqlite)
{
    [PostgresFact]
    public async Task Postgresql_shows_the_same_board_as_sqlite()
    {
        await using var postgres = await TemporaryPostgresDatabase.CreateAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "PostgreSql",
            ["Database:ConnectionString"] = postgres.ConnectionString,
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddCxData(configuration, AppContext.BaseDirectory);
        services.AddCxWeb();
        await using var onPostgres = services.BuildServiceProvider();
        await onPostgres.InitializeCxStoreAsync();

        var sqliteServices = new ServiceCollection();
        sqlite.AddAppServices(sqliteServices);
        await using var onSqlite = sqliteServices.BuildServiceProvider();

        foreach (var month in new[] { new YearMonth(2026, 10), new YearMonth(2025, 6), new YearMonth(2023, 1) })
        {
            var expected = await onSqlite.GetRequiredService<RoxBoardService>().GetAsync(month);
            var actual = await onPostgres.GetRequiredService<RoxBoardService>().GetAsync(month);

            // Every written figure, tooltip and chart value, compared as the reader sees them.
            Assert.Equal(Describe(expected), Describe(actual));
        }
    }

    private static string Describe(BoardView view) => string.Join("\n",
        new[] { view.Month, view.HasData.ToString(), view.PeriodLabel }
            .Concat(view.Headline.Concat(view.ThisMonth).Select(f => $"{f.Key} {f.Value} {f.Substitution} {string.Join(";", f.Inputs)}"))
            .Concat(view.Tiles.Select(t => $"{t.Code} {t.Actual} {t.Baseline} {t.Target} {t.DeltaVsBaseline} {t.DeltaVsPrevious} {t.Status} {t.Money}"))
            .Concat(view.Initiatives.Select(i => i.ToString()))
            .Concat(view.Chart.CostReduction.Concat(view.Chart.RevenueGrowth).Concat(view.Chart.Retention).Concat(view.Chart.Investment)
                .Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture))));
}
