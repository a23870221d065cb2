using CxDashboard.Core.Kpis;
using CxDashboard.Core.Time;
using CxDashboard.Data.Access;
using CxDashboard.Data.Auditing;
using CxDashboard.Data.Model;
using CxDashboard.Web.Access;
using CxDashboard.Web.Experiments;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Tests.Experiments;

/// <summary>The experiments service on its own: what it stores, what it refuses and why, and who may change anything.</summary>
public sealed class ExperimentServiceTests : IAsyncLifetime
{
    private readonly ExperimentStore _store = new();

    public Task InitializeAsync() => _store.InitializeAsync();

    public Task DisposeAsync() => _store.DisposeAsync();

    private async Task<ExperimentDraft> ValidDraftAsync()
    {
        await using var db = _store.Context();
        var retention = await db.Kpis.SingleAsync(k => k.Code == KpiCatalog.Retention);
        return ExperimentDraft.New with
        {
            Name = "Loyalty callback", Hypothesis = "A callback after a complaint keeps the customer.", KpiId = retention.Id,
            WindowStart = new YearMonth(2026, 4), WindowEnd = new YearMonth(2026, 6),
            TestCustomers = 5_000, TestSuccesses = 4_150, ControlCustomers = 5_000, ControlSuccesses = 4_000,
            EligiblePopulation = 40_000, ValuePerUnit = 200m, PlannedTestSharePercent = 50, PlannedMdePoints = 2,
        };
    }

    [Fact]
    public async Task An_editor_records_a_new_experiment_which_is_audited_and_analysed()
    {
        var editor = _store.Services("marco@harbour.demo", CxRoles.Editor);

        ExperimentSaveResult result;
        using (StoreActor.Use(new StoreActor("marco@harbour.demo")))
            result = await editor.Experiments().SaveAsync(await ValidDraftAsync());

        var saved = Assert.IsType<ExperimentSaveResult.Saved>(result);
        Assert.NotNull(saved.Current.Id);
        await using (var db = _store.Context())
            Assert.Equal(AuditAction.Added, (await db.AuditEntries.SingleAsync(a => a.Entity == nameof(Experiment) && a.UserName == "marco@harbour.demo")).Action);
        var view = (await editor.Experiments().GetAsync()).Experiments.Single(e => e.Name == "Loyalty callback");
        // 4,150 ÷ 5,000 − 4,000 ÷ 5,000 = 3.00 pp; 0.03 × 40,000 × $200 = $240,000; z = 0.03 ÷ √(0.815 × 0.185 × 2 ÷ 5,000) = 3.863.
        Assert.Equal(("+3.00 pp", "$240,000", Significance.Significant), (view.Lift, view.Money, view.Significance));
        Assert.Equal("April 2026 – June 2026", view.Window);
    }

    public static TheoryData<string, string, string> BadDrafts => new()
    {
        { "more outcomes than members", nameof(ExperimentDraft.TestSuccesses), "More customers reached the outcome (5,001) than the test group has (5,000)" },
        { "negative count", nameof(ExperimentDraft.ControlSuccesses), "cannot be counted fewer than 0 times" },
        { "negative members", nameof(ExperimentDraft.ControlCustomers), "cannot have fewer than 0 customers" },
        { "zero members", nameof(ExperimentDraft.TestCustomers), "The test group has no customers" },
        { "end before start", nameof(ExperimentDraft.WindowEnd), "The test cannot end (2026-03) before it starts (2026-04)" },
        { "value below zero", nameof(ExperimentDraft.ValuePerUnit), "A value per unit below zero" },
        { "share of 0", nameof(ExperimentDraft.PlannedTestSharePercent), "above 0 and below 100" },
        { "share of 100", nameof(ExperimentDraft.PlannedTestSharePercent), "above 0 and below 100" },
        { "no eligible customers", nameof(ExperimentDraft.EligiblePopulation), "enter at least 1" },
        { "mde of 0", nameof(ExperimentDraft.PlannedMdePoints), "minimum detectable effect in percentage points" },
        { "no name", nameof(ExperimentDraft.Name), "Give the experiment a name" },
        { "no start", nameof(ExperimentDraft.WindowStart), "first month of the test" },
    };

    [Theory]
    [MemberData(nameof(BadDrafts))]
    public async Task A_bad_input_is_refused_on_its_field_and_nothing_is_stored(string what, string field, string message)
    {
        var good = await ValidDraftAsync();
        var bad = what switch
        {
            "more outcomes than members" => good with { TestSuccesses = 5_001 },
            "negative count" => good with { ControlSuccesses = -1 },
            "negative members" => good with { ControlCustomers = -10 },
            "zero members" => good with { TestCustomers = 0, TestSuccesses = 0 },
            "end before start" => good with { WindowEnd = new YearMonth(2026, 3) },
            "value below zero" => good with { ValuePerUnit = -0.01m },
            "share of 0" => good with { PlannedTestSharePercent = 0 },
            "share of 100" => good with { PlannedTestSharePercent = 100 },
            "no eligible customers" => good with { EligiblePopulation = 0 },
            "mde of 0" => good with { PlannedMdePoints = 0 },
            "no name" => good with { Name = "  " },
            _ => good with { WindowStart = null },
        };

        var result = await _store.Services("marco@harbour.demo", CxRoles.Editor).Experiments().SaveAsync(bad);

        var invalid = Assert.IsType<ExperimentSaveResult.Invalid>(result);
        Assert.Equal([field], invalid.Errors.Keys);
        Assert.Contains(message, invalid.Errors[field], StringComparison.Ordinal);
        await using var db = _store.Context();
        Assert.Equal(2, await db.Experiments.CountAsync());
    }

    [Fact]
    public async Task A_name_another_experiment_has_and_a_kpi_that_is_not_a_share_of_customers_are_refused()
    {
        await using var db = _store.Context();
        var fcr = await db.Kpis.SingleAsync(k => k.Code == KpiCatalog.Fcr);
        var draft = await ValidDraftAsync() with { Name = ExperimentStore.Renewal, KpiId = fcr.Id };

        var invalid = Assert.IsType<ExperimentSaveResult.Invalid>(await _store.Services("marco@harbour.demo", CxRoles.Editor).Experiments().SaveAsync(draft));

        Assert.Equal($"Another experiment is already called \"{ExperimentStore.Renewal}\": give this one a name of its own.", invalid.Errors[nameof(ExperimentDraft.Name)]);
        Assert.Equal("First contact resolution is not a share of customers, so a holdout cannot count it: pick retention, churn or a conversion KPI.", invalid.Errors[nameof(ExperimentDraft.KpiId)]);
    }

    [Fact]
    public async Task Viewers_and_partner_users_may_not_change_experiments_or_what_counts_in_rox()
    {
        var upgrade = await _store.ExperimentAsync(ExperimentStore.Upgrade);
        var viewer = _store.Services("vera@harbour.demo", CxRoles.Viewer);
        var partnerEditor = _store.Services("lena@atlas.example", CxRoles.Editor, await _store.PartnerAsync("ATLAS"));

        var denied = await Assert.ThrowsAsync<AccessDeniedException>(() => viewer.Experiments().SaveAsync(ExperimentDraft.New));
        Assert.Contains("Only users with the Editor role may change experiments", denied.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<AccessDeniedException>(() => viewer.Experiments().SetIncludeInRoxAsync(upgrade.Id, true, upgrade.Version));
        var partner = await Assert.ThrowsAsync<AccessDeniedException>(() => partnerEditor.Experiments().SetIncludeInRoxAsync(upgrade.Id, true, upgrade.Version));
        Assert.Contains("Partner users may not", partner.Message, StringComparison.Ordinal);
        Assert.False((await _store.ExperimentAsync(ExperimentStore.Upgrade)).IncludeInRox);
        Assert.False((await viewer.Experiments().GetAsync()).CanEdit);
    }

    [Fact]
    public async Task A_choice_about_rox_made_on_an_old_version_shows_both_and_changes_nothing()
    {
        var upgrade = await _store.ExperimentAsync(ExperimentStore.Upgrade);
        var ana = _store.Services("ana@harbour.demo", CxRoles.Editor);
        var ben = _store.Services("ben@harbour.demo", CxRoles.Editor);

        Assert.IsType<ExperimentSaveResult.Saved>(await ana.Experiments().SetIncludeInRoxAsync(upgrade.Id, true, upgrade.Version));
        var result = await ben.Experiments().SetIncludeInRoxAsync(upgrade.Id, false, upgrade.Version);

        var conflict = Assert.IsType<ExperimentSaveResult.Conflict>(result);
        Assert.Equal([new FieldDifference("Counted in ROX by choice", "no", "yes")], conflict.Differences);
        Assert.True((await _store.ExperimentAsync(ExperimentStore.Upgrade)).IncludeInRox);
    }

    [Fact]
    public async Task A_partner_users_board_counts_no_experiment_of_another_partner_or_of_the_organisation()
    {
        var atlas = await _store.PartnerAsync("ATLAS");
        var partner = _store.Services("partner@harbour.demo", CxRoles.Viewer, atlas);

        Web.Board.BoardView board;
        ExperimentsView page;
        using (StoreActor.Use(new StoreActor("partner@harbour.demo", atlas)))
        {
            board = await partner.Board().GetAsync(new YearMonth(2026, 10));
            page = await partner.Experiments().GetAsync();
        }

        Assert.Null(board.Experiments);
        Assert.Empty(page.Experiments);
        Assert.Equal("Atlas Contact Solutions", page.PartnerScope);
    }
}
