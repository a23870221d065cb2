using CxDashboard.Core.Kpis;
using CxDashboard.Core.Time;
using CxDashboard.Data.Access;
using CxDashboard.Data.Auditing;
using CxDashboard.Data.Model;
using CxDashboard.Web.Access;
using CxDashboard.Web.Kpis;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Tests.Kpis;

/// <summary>Baselines and targets: added, measured from the data, re-baselined with a reason, targets changed, and who may.</summary>
public sealed class BaselineEditorTests : IAsyncLifetime
{
    private const string Marco = "marco@harbour.demo";
    private readonly KpiStore _store = new();
    private IServiceProvider _editor = default!;

    public async Task InitializeAsync()
    {
        await _store.InitializeAsync();
        _editor = _store.Services(Marco, CxRoles.Editor);
    }

    public Task DisposeAsync() => _store.DisposeAsync();

    [Fact]
    public async Task A_rebaselining_without_a_reason_is_refused_and_nothing_is_saved()
    {
        var baseline = await OrganisationFcrAsync();

        var result = await _editor.Baselines().RebaselineAsync(new RebaselineDraft(
            baseline.Id, 0.71, new YearMonth(2025, 1), new YearMonth(2025, 2), new YearMonth(2026, 11), "   ", baseline.Version));

        var invalid = Assert.IsType<BaselineSaveResult.Invalid>(result);
        Assert.StartsWith("Say why the baseline changes", invalid.Errors["Reason"], StringComparison.Ordinal);
        await using var db = _store.Context();
        Assert.Equal(baseline.Value, (await db.Baselines.SingleAsync(b => b.Id == baseline.Id)).Value);
        Assert.Empty(await db.BaselineRevisions.ToListAsync());
    }

    [Fact]
    public async Task A_rebaselining_stores_the_new_value_and_its_revision_together()
    {
        var baseline = await OrganisationFcrAsync();

        BaselineSaveResult result;
        using (StoreActor.Use(new StoreActor(Marco)))
            result = await _editor.Baselines().RebaselineAsync(new RebaselineDraft(
                baseline.Id, 0.71, new YearMonth(2025, 1), new YearMonth(2025, 2), new YearMonth(2026, 11), "Email moved to the new ticketing system", baseline.Version));

        Assert.IsType<BaselineSaveResult.Saved>(result);
        await using var db = _store.Context();
        var stored = await db.Baselines.SingleAsync(b => b.Id == baseline.Id);
        Assert.Equal((0.71, 202501, 202502), (stored.Value, stored.PeriodStart, stored.PeriodEnd));
        var revision = await db.BaselineRevisions.SingleAsync();
        Assert.Equal((baseline.Value, 0.71), (revision.OldValue, revision.NewValue));
        Assert.Equal((baseline.PeriodStart, baseline.PeriodEnd, 202501, 202502), (revision.OldPeriodStart, revision.OldPeriodEnd, revision.NewPeriodStart, revision.NewPeriodEnd));
        Assert.Equal((202611, Marco, "Email moved to the new ticketing system"), (revision.EffectiveMonth, revision.UserName, revision.Reason));
        var audited = await db.AuditEntries.Where(a => a.UserName == Marco).Select(a => a.Entity).ToListAsync();
        Assert.Contains(nameof(Baseline), audited);
        Assert.Contains(nameof(BaselineRevision), audited);

        // The KPI's page lists it and marks it on the chart, at the month it applies from.
        var detail = await _editor.Detail().GetAsync(KpiCatalog.Fcr, KpiStore.HandMonth, KpiFilter.All);
        var organisation = detail!.Baselines.Single(b => b.IsOrganisation);
        var listed = Assert.Single(organisation.Revisions);
        Assert.Equal("69.9% → 71.0%; measured Nov 2024 – Feb 2025 → Jan 2025 – Feb 2025", listed.Change);
        var marker = Assert.Single(detail.Chart.Events);
        Assert.Equal(("Nov 2026", "Re-baselined: Email moved to the new ticketing system"), (marker.Category, marker.Label));
        Assert.Equal("Baseline 71.0%", detail.Chart.Baseline!.Label);
    }

    [Fact]
    public async Task A_target_changes_without_a_reason_and_is_audited()
    {
        var baseline = await OrganisationFcrAsync();

        using (StoreActor.Use(new StoreActor(Marco)))
            Assert.IsType<BaselineSaveResult.Saved>(await _editor.Baselines().SetTargetAsync(new TargetDraft(baseline.Id, 0.77, new YearMonth(2027, 6), baseline.Version)));

        await using var db = _store.Context();
        var stored = await db.Baselines.SingleAsync(b => b.Id == baseline.Id);
        Assert.Equal((0.77, (int?)202706), (stored.Target!.Value, stored.TargetMonth));
        Assert.Empty(await db.BaselineRevisions.ToListAsync());
        var entry = await db.AuditEntries.SingleAsync(a => a.UserName == Marco && a.Entity == nameof(Baseline));
        Assert.Contains("\"field\":\"Target\"", entry.Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_editors_changing_one_target_see_both_and_the_second_chooses()
    {
        var baseline = await OrganisationFcrAsync();
        var ben = _store.Services("ben@harbour.demo", CxRoles.Editor);

        Assert.IsType<BaselineSaveResult.Saved>(await _editor.Baselines().SetTargetAsync(new TargetDraft(baseline.Id, 0.77, new YearMonth(2027, 6), baseline.Version)));
        var second = await ben.Baselines().SetTargetAsync(new TargetDraft(baseline.Id, 0.80, new YearMonth(2027, 12), baseline.Version));

        var conflict = Assert.IsType<BaselineSaveResult.Conflict>(second);
        Assert.Equal("target 80.0% by 2027-12", conflict.Mine);
        Assert.Equal("target 77.0% by 2027-06", conflict.Theirs);
        Assert.IsType<BaselineSaveResult.Saved>(await ben.Baselines().SetTargetAsync(new TargetDraft(baseline.Id, 0.80, new YearMonth(2027, 12), conflict.TheirVersion)));
        await using var db = _store.Context();
        Assert.Equal(0.80, (await db.Baselines.SingleAsync(b => b.Id == baseline.Id)).Target);
    }

    [Fact]
    public async Task A_new_baseline_is_measured_exactly_from_the_chosen_months()
    {
        var (voice, chat, _, _, _) = await _store.IdsAsync();

        var all = await _editor.Baselines().ProposeAsync(KpiCatalog.Fcr, null, null, null, KpiStore.HandMonth, KpiStore.HandMonth);
        var chatOnly = await _editor.Baselines().ProposeAsync(KpiCatalog.Fcr, chat, null, null, KpiStore.HandMonth, KpiStore.HandMonth);
        var complaints = await _editor.Baselines().ProposeAsync(KpiCatalog.Complaints, voice, null, null, KpiStore.HandMonth, KpiStore.HandMonth.AddMonths(2));

        Assert.Equal(0.6, all.Value!.Value, 12);
        Assert.Equal("60.0% measured from 2026-11 to 2026-11, rolled up as Σ resolved on first contact ÷ Σ contacts, never an average of rates", all.Text);
        Assert.Equal(0.2, chatOnly.Value!.Value, 12);
        // A count is a monthly figure: 10 complaints in the one month of the three that has data.
        Assert.Equal(10, complaints.Value);
        Assert.Equal("10 a month: the monthly mean from 2026-11 to 2027-01 (1 of the months have data)", complaints.Text);
    }

    [Fact]
    public async Task A_baseline_kept_for_exactly_a_filtered_scope_is_what_the_tracker_compares_that_scope_with()
    {
        var (voice, _, _, _, _) = await _store.IdsAsync();

        var added = await _editor.Baselines().AddAsync(new NewBaselineDraft(
            KpiCatalog.Fcr, null, voice, null, null, 0.75, new YearMonth(2026, 1), new YearMonth(2026, 3), 0.85, new YearMonth(2027, 6), "Voice only"));

        Assert.IsType<BaselineSaveResult.Saved>(added);
        var view = await _editor.Tracker().GetAsync(KpiStore.HandMonth, KpiFilter.Parse("VOICE", null, null));
        var fcr = view.Rows.Single(r => r.Code == KpiCatalog.Fcr);
        // Voice: 80.0 % against 75.0 %, short of 85.0 %.
        Assert.Equal(("75.0%", "85.0%", "+5.0 pp", KpiStatus.Improving), (fcr.Baseline, fcr.Target, fcr.DeltaVsBaseline, fcr.Status));
        // A second one for the same owner and scope is refused: the first is locked, and is re-baselined instead.
        var again = Assert.IsType<BaselineSaveResult.Invalid>(await _editor.Baselines().AddAsync(new NewBaselineDraft(
            KpiCatalog.Fcr, null, voice, null, null, 0.7, new YearMonth(2026, 1), new YearMonth(2026, 3), null, null, null)));
        Assert.StartsWith("There is already a FCR baseline for this owner and scope", again.Errors["Scope"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_baseline_with_bad_input_is_refused_field_by_field()
    {
        var result = await _editor.Baselines().AddAsync(new NewBaselineDraft(
            KpiCatalog.Fcr, null, null, null, 1, 1.4, new YearMonth(2026, 5), new YearMonth(2026, 2), 0.8, null, null));

        var invalid = Assert.IsType<BaselineSaveResult.Invalid>(result);
        Assert.Equal("The baseline is a rate: enter a percentage from 0 to 100.", invalid.Errors["Value"]);
        Assert.Equal("The period ends (2026-02) before it starts (2026-05): pick a last month no earlier than the first.", invalid.Errors["Period"]);
        Assert.Equal("Pick the month the target should be met by.", invalid.Errors["TargetMonth"]);
    }

    [Theory]
    [InlineData(CxRoles.Viewer, null)]
    [InlineData(CxRoles.Editor, 2)]
    public async Task Viewers_and_partner_users_are_refused_even_when_calling_the_service(string role, int? partner)
    {
        var baseline = await OrganisationFcrAsync();
        var user = _store.Services("someone@harbour.demo", role, partner);

        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            user.Baselines().SetTargetAsync(new TargetDraft(baseline.Id, 0.5, new YearMonth(2027, 1), baseline.Version)));
        await Assert.ThrowsAsync<AccessDeniedException>(() => user.Baselines().RebaselineAsync(new RebaselineDraft(
            baseline.Id, 0.5, new YearMonth(2025, 1), new YearMonth(2025, 2), new YearMonth(2026, 11), "Because", baseline.Version)));
        await using var db = _store.Context();
        Assert.Equal(baseline.Target, (await db.Baselines.SingleAsync(b => b.Id == baseline.Id)).Target);
    }

    private async Task<Baseline> OrganisationFcrAsync()
    {
        await using var db = _store.Context();
        return await db.Baselines.AsNoTracking().SingleAsync(b => b.InitiativeId == null && b.Kpi!.Code == KpiCatalog.Fcr && b.ChannelId == null);
    }
}
