using System.Text.Json;
using CxDashboard.Core.Kpis;
using CxDashboard.Data.Access;
using CxDashboard.Data.Auditing;
using CxDashboard.Data.Model;
using CxDashboard.Web.Access;
using CxDashboard.Web.Kpis;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Tests.Kpis;

/// <summary>A measurement changed by hand: validated as an import row is, audited, version-checked, and refused to viewers.</summary>
public sealed class MeasurementEditorTests : IAsyncLifetime
{
    private readonly KpiStore _store = new();

    public Task InitializeAsync() => _store.InitializeAsync();

    public Task DisposeAsync() => _store.DisposeAsync();

    [Fact]
    public async Task An_editors_change_is_stored_audited_and_no_longer_counts_as_the_imports()
    {
        var (id, version) = await VoiceInHouseFcrAsync(importId: await ImportAsync());
        var editor = _store.Services("marco@harbour.demo", CxRoles.Editor);

        MeasurementSaveResult result;
        using (StoreActor.Use(new StoreActor("marco@harbour.demo")))
            result = await editor.Measurements().SaveAsync(new MeasurementDraft(id, new MeasurementFields(null, 630, 700, null, "Recount after the CRM fix"), version));

        var saved = Assert.IsType<MeasurementSaveResult.Saved>(result);
        Assert.Equal(0.9, saved.Current.Fields.Value!.Value, 12);
        await using var db = _store.Context();
        var row = await db.Measurements.SingleAsync(m => m.Id == id);
        Assert.Equal((630.0, 700.0, 0.9), (row.Numerator!.Value, row.Denominator!.Value, row.Value));
        Assert.Equal("Recount after the CRM fix", row.Note);
        Assert.Null(row.ImportId);
        var entry = await db.AuditEntries.Where(a => a.Entity == nameof(Measurement) && a.UserName == "marco@harbour.demo").SingleAsync();
        Assert.Equal("marco@harbour.demo", entry.UserName);
        var fields = JsonSerializer.Deserialize<List<Dictionary<string, string?>>>(entry.Changes)!.Select(f => f["field"]).ToList();
        Assert.Equal(["ImportId", "Note", "Numerator", "Value"], fields.Order());
    }

    [Fact]
    public async Task The_second_of_two_editors_sees_both_versions_and_nothing_is_overwritten_until_they_choose()
    {
        var (id, version) = await VoiceInHouseFcrAsync();
        var ana = _store.Services("ana@harbour.demo", CxRoles.Editor);
        var ben = _store.Services("ben@harbour.demo", CxRoles.Editor);

        using (StoreActor.Use(new StoreActor("ana@harbour.demo")))
            Assert.IsType<MeasurementSaveResult.Saved>(await ana.Measurements().SaveAsync(new MeasurementDraft(id, new MeasurementFields(null, 610, 700, null, null), version)));
        MeasurementSaveResult second;
        using (StoreActor.Use(new StoreActor("ben@harbour.demo")))
            second = await ben.Measurements().SaveAsync(new MeasurementDraft(id, new MeasurementFields(null, 650, 700, null, "Ben's count"), version));

        var conflict = Assert.IsType<MeasurementSaveResult.Conflict>(second);
        Assert.Equal(610, conflict.Theirs.Fields.Numerator);
        Assert.Equal(650, conflict.Mine.Fields.Numerator);
        await using (var db = _store.Context())
            Assert.Equal(610, (await db.Measurements.SingleAsync(m => m.Id == id)).Numerator);

        // Ben keeps his, having seen Ana's.
        using (StoreActor.Use(new StoreActor("ben@harbour.demo")))
            Assert.IsType<MeasurementSaveResult.Saved>(await ben.Measurements().SaveAsync(conflict.Mine with { Version = conflict.Theirs.Version }));
        await using var check = _store.Context();
        Assert.Equal(650, (await check.Measurements.SingleAsync(m => m.Id == id)).Numerator);
        Assert.Equal(["ana@harbour.demo", "ben@harbour.demo"],
            await check.AuditEntries.Where(a => a.Entity == nameof(Measurement) && a.Action == AuditAction.Modified && a.UserName != StoreActor.SystemName)
                .OrderBy(a => a.Id).Select(a => a.UserName).ToListAsync());
    }

    [Fact]
    public async Task A_rate_whose_numerator_exceeds_its_denominator_is_refused_and_nothing_is_stored()
    {
        var (id, version) = await VoiceInHouseFcrAsync();
        var editor = _store.Services("marco@harbour.demo", CxRoles.Editor);

        var result = await editor.Measurements().SaveAsync(new MeasurementDraft(id, new MeasurementFields(null, 800, 700, null, null), version));

        var invalid = Assert.IsType<MeasurementSaveResult.Invalid>(result);
        Assert.Equal("Resolved on first contact cannot be more than contacts: a rate is at most 100 %.", invalid.Errors[MeasurementRules.NumeratorField]);
        await using var db = _store.Context();
        Assert.Equal(600, (await db.Measurements.SingleAsync(m => m.Id == id)).Numerator);
    }

    [Theory]
    [InlineData(KpiCatalog.Fcr, null, -1.0, 10.0, null, "Numerator", "Resolved on first contact cannot be negative: enter 0 or more.")]
    [InlineData(KpiCatalog.Fcr, null, 5.0, 0.0, null, "Denominator", "Contacts must be more than 0: a ratio needs something to divide by.")]
    [InlineData(KpiCatalog.Fcr, null, null, 10.0, null, "Numerator", "Resolved on first contact is missing: enter a number.")]
    [InlineData(KpiCatalog.Nps, null, -120.0, 100.0, null, "Numerator", "Promoters − detractors cannot be more than survey responses either way: the score lies between −100 and 100.")]
    [InlineData(KpiCatalog.Aht, 410.0, null, null, null, "Weight", "Contacts is missing: enter a number.")]
    [InlineData(KpiCatalog.Aht, -5.0, null, null, 100.0, "Value", "The value cannot be negative for average handle time: enter 0 or more.")]
    [InlineData(KpiCatalog.Occupancy, 1.2, null, null, 40.0, "Value", "The value is a rate: enter a percentage from 0 to 100.")]
    [InlineData(KpiCatalog.Complaints, 3.5, null, null, null, "Value", "A count is a whole number: enter it without decimals.")]
    [InlineData(KpiCatalog.Complaints, double.NaN, null, null, null, "Value", "The value is not a number that can be stored: enter a finite number.")]
    public void Each_broken_rule_is_reported_on_its_field_with_what_to_enter(
        string kpi, double? value, double? numerator, double? denominator, double? weight, string field, string message)
    {
        var (_, errors) = MeasurementRules.Check(KpiCatalog.Find(kpi)!, new MeasurementFields(value, numerator, denominator, weight, null));

        Assert.Equal(message, errors[field]);
    }

    [Fact]
    public void A_ratio_takes_its_value_from_numerator_and_denominator_and_drops_a_weight()
    {
        var (stored, errors) = MeasurementRules.Check(KpiCatalog.Find(KpiCatalog.Nps)!, new MeasurementFields(99, -15, 300, 7, "  "));

        Assert.Empty(errors);
        Assert.Equal(new MeasurementFields(-5, -15, 300, null, null), stored);
    }

    [Fact]
    public async Task A_viewer_calling_the_service_directly_is_refused()
    {
        var (id, version) = await VoiceInHouseFcrAsync();
        var viewer = _store.Services("elena@harbour.demo", CxRoles.Viewer);

        var refused = await Assert.ThrowsAsync<AccessDeniedException>(() =>
            viewer.Measurements().SaveAsync(new MeasurementDraft(id, new MeasurementFields(null, 1, 700, null, null), version)));

        Assert.Contains("Editor", refused.Message, StringComparison.Ordinal);
        await using var db = _store.Context();
        Assert.Equal(600, (await db.Measurements.SingleAsync(m => m.Id == id)).Numerator);
    }

    [Fact]
    public async Task A_partner_editor_cannot_reach_another_partners_row()
    {
        var (id, version) = await VoiceInHouseFcrAsync();
        var (_, _, _, atlas, _) = await _store.IdsAsync();
        var partnerEditor = _store.Services("lena@atlas.example", CxRoles.Editor, atlas);

        MeasurementSaveResult result;
        using (StoreActor.Use(new StoreActor("lena@atlas.example", atlas)))
            result = await partnerEditor.Measurements().SaveAsync(new MeasurementDraft(id, new MeasurementFields(null, 1, 700, null, null), version));

        Assert.IsType<MeasurementSaveResult.Gone>(result);
        await using var db = _store.Context();
        Assert.Equal(600, (await db.Measurements.SingleAsync(m => m.Id == id)).Numerator);
    }

    private async Task<long> ImportAsync()
    {
        await using var db = _store.Context();
        var import = new MeasurementImport
        {
            FileName = "november.csv", UserName = "marco@harbour.demo", ContentHash = new string('a', 64),
            StartedUtc = DateTime.UtcNow, Status = ImportStatus.Committed,
        };
        db.Imports.Add(import);
        await db.SaveChangesAsync();
        return import.Id;
    }

    /// <summary>The hand month's Voice in-house FCR row (600 of 700), marked as written by an import when one is given.</summary>
    private async Task<(long Id, uint Version)> VoiceInHouseFcrAsync(long? importId = null)
    {
        var (voice, _, inHouse, _, _) = await _store.IdsAsync();
        await using var db = _store.Context();
        var row = await db.Measurements.SingleAsync(m => m.Month == KpiStore.HandMonth.Key && m.Kpi!.Code == KpiCatalog.Fcr && m.ChannelId == voice && m.PartnerId == inHouse);
        if (importId is { } import)
        {
            row.ImportId = import;
            await db.SaveChangesAsync();
        }

        return (row.Id, row.Version);
    }
}
