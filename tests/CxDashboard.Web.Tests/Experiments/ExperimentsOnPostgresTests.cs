using CxDashboard.Data;
using CxDashboard.Data.Access;
using CxDashboard.Testing;
using CxDashboard.Web.Access;
using CxDashboard.Web.Experiments;
using CxDashboard.Web.Tests.Access;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Web.Tests.Experiments;

/// <summary>On PostgreSQL, whose row version is the server's xmin, experiments read the same and a stale edit is caught the same way.</summary>
public sealed class ExperimentsOnPostgresTests
{
    [PostgresFact]
    public async Task The_demo_tests_read_the_same_and_the_second_of_two_edits_is_told_of_the_first()
    {
        await using var postgres = await TemporaryPostgresDatabase.CreateAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "PostgreSql",
            ["Database:ConnectionString"] = postgres.ConnectionString,
        }).Build();
        ServiceProvider Services(string user)
        {
            var services = new ServiceCollection().AddLogging();
            services.AddSingleton<IConfiguration>(configuration);
            services.AddCxData(configuration, AppContext.BaseDirectory);
            services.AddCxWeb();
            services.AddScoped<AccessGuard>();
            services.AddScoped<AuthenticationStateProvider>(_ => new SignedInUser(user, CxRoles.Editor));
            return services.BuildServiceProvider();
        }

        await using var ana = Services("ana@harbour.demo");
        await using var ben = Services("ben@harbour.demo");
        await ana.InitializeCxStoreAsync();

        var renewal = (await ana.Experiments().GetAsync()).Experiments.Single(e => e.Name == ExperimentStore.Renewal);
        Assert.Equal(("+1.90 pp", "0.0001", "$904,781", "$442,290 to $1,367,272"), (renewal.Lift, renewal.PValue, renewal.Money, renewal.MoneyInterval));

        using (StoreActor.Use(new StoreActor("ana@harbour.demo")))
            Assert.IsType<ExperimentSaveResult.Saved>(await ana.Experiments().SaveAsync(renewal.Draft with { ValuePerUnit = 300m }));
        ExperimentSaveResult second;
        using (StoreActor.Use(new StoreActor("ben@harbour.demo")))
            second = await ben.Experiments().SaveAsync(renewal.Draft with { EligiblePopulation = 200_000 });

        var conflict = Assert.IsType<ExperimentSaveResult.Conflict>(second);
        Assert.Equal(
            [new FieldDifference("Eligible population", "200,000", "180,000"), new FieldDifference("Value per unit", "264.00", "300.00")],
            conflict.Differences);
    }
}
