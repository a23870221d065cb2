using System.Globalization;
using CxDashboard.Core.Kpis;
using CxDashboard.Core.Scenarios;
using CxDashboard.Core.Value;
using CxDashboard.Data;
using CxDashboard.Data.Access;
using CxDashboard.Data.Model;
using CxDashboard.Data.Queries;
using CxDashboard.Web.Access;
using CxDashboard.Web.Board;
using CxDashboard.Web.Formatting;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Initiatives;

/// <summary>
/// Adds, changes and removes an initiative's value drivers for the organisation's editors. A driver prices one of its
/// initiative's baselines; its inputs are the ones its type's formula needs; a scenario change may not take its KPI out
/// of range (a rate out of 0–100 %, a time or count below 0); a driver that needs a volume needs one to project with.
/// Saves are audited and checked against the version the form was loaded with.
/// </summary>
public sealed class ValueDriverEditor(
    IDbContextFactory<CxDbContext> contexts, InitiativeQueries initiatives, OrganisationQueries organisation, AccessGuard guard)
{
    private const string ToChange = "change an initiative's value drivers";

    /// <summary>A new driver's form for <paramref name="initiativeId"/>: handle-time savings at the organisation's hourly rate.</summary>
    public static ValueDriverDraft New(int initiativeId, int? baselineId, decimal hourlyRate) => new(
        0, initiativeId, baselineId, "", ValueDriverType.HandleTimeSavings, ValueFactor.CostReduction, true, 10m,
        hourlyRate, null, null, null, null,
        new ScenarioDraft(ScenarioInput.Multiplier, 0.5, null), new ScenarioDraft(ScenarioInput.Multiplier, 1.5, null), null, 0, 0);

    /// <summary>Stores <paramref name="draft"/>: a new driver when its id is 0, else an edit checked against its version.</summary>
    public async Task<ValueDriverSaveResult> SaveAsync(ValueDriverDraft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        await guard.RequireOrganisationAsync(CxRoles.Editor, ToChange);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.Initiatives.AsNoTracking().FirstOrDefaultAsync(i => i.Id == draft.InitiativeId, cancellationToken) is not { } initiative)
            return new ValueDriverSaveResult.Gone("This initiative is no longer stored. Nothing was saved; go back to the list of initiatives.");
        if (initiative.ArchivedUtc is not null)
            return new ValueDriverSaveResult.Invalid(new Dictionary<string, string> { ["Driver"] = CostItemEditor.ArchivedMessage });
        var baseline = draft.BaselineId is { } id
            ? await db.Baselines.AsNoTracking().Include(b => b.Kpi).FirstOrDefaultAsync(b => b.Id == id && b.InitiativeId == draft.InitiativeId, cancellationToken)
            : null;
        var measured = baseline is not null && ScenarioCalculator.UsesVolume(draft.Type) && draft.Volume is null && draft.ProjectedVolume is null
            && await initiatives.LastMeasuredAsync(baseline.KpiId, baseline.ChannelId, baseline.PartnerId, baseline.SegmentId, cancellationToken) is not null;
        var values = new KpiValueFormat(await FormatAsync(cancellationToken));
        var errors = Validate(draft, baseline, initiative.HorizonMonths, measured, values);
        if (errors.Count > 0) return new ValueDriverSaveResult.Invalid(errors);

        ValueDriver row;
        if (draft.Id == 0)
        {
            row = new ValueDriver { Name = "", InitiativeId = draft.InitiativeId };
            db.ValueDrivers.Add(row);
        }
        else
        {
            if (await db.ValueDrivers.FirstOrDefaultAsync(d => d.Id == draft.Id && d.InitiativeId == draft.InitiativeId, cancellationToken) is not { } stored)
                return DriverGone;
            row = stored;
            db.Entry(row).Property(d => d.Version).OriginalValue = draft.Version;
        }

        Apply(draft, row, baseline!.Id);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new ValueDriverSaveResult.Saved(Draft(row));
        }
        catch (DbUpdateConcurrencyException)
        {
            return await ConflictAsync(draft, cancellationToken);
        }
    }

    /// <summary>Removes a driver, unless someone changed it since it was loaded.</summary>
    public async Task<ValueDriverSaveResult> RemoveAsync(ValueDriverDraft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        await guard.RequireOrganisationAsync(CxRoles.Editor, ToChange);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.ValueDrivers.FirstOrDefaultAsync(d => d.Id == draft.Id && d.InitiativeId == draft.InitiativeId, cancellationToken) is not { } row)
            return DriverGone;
        if (await db.Initiatives.AnyAsync(i => i.Id == draft.InitiativeId && i.ArchivedUtc != null, cancellationToken))
            return new ValueDriverSaveResult.Invalid(new Dictionary<string, string> { ["Driver"] = CostItemEditor.ArchivedMessage });
        db.Entry(row).Property(d => d.Version).OriginalValue = draft.Version;
        db.ValueDrivers.Remove(row);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new ValueDriverSaveResult.Saved(draft);
        }
        catch (DbUpdateConcurrencyException)
        {
            return await ConflictAsync(draft, cancellationToken);
        }
    }

    /// <summary>
    /// Each invalid field of <paramref name="draft"/> with what is wrong and how to fix it. <paramref name="baseline"/> is the
    /// baseline it prices (with its KPI), null when none was picked; <paramref name="measuredVolume"/> says whether its KPI
    /// has a measured month over the scope to take a projection's volume from.
    /// </summary>
    public static Dictionary<string, string> Validate(
        ValueDriverDraft draft, Baseline? baseline, int horizonMonths, bool measuredVolume, KpiValueFormat values)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(values);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(draft.Name) || draft.Name.Trim().Length > 160)
            errors["Name"] = "Name the driver as a reader should see it, in 1 to 160 characters (\"Handle-time savings, voice\").";
        if (!Enum.IsDefined(draft.Type)) errors["Type"] = "Pick the driver type: it decides the formula.";
        if (!Enum.IsDefined(draft.Factor)) errors["Factor"] = "Pick the factor the value feeds.";
        if (baseline?.Kpi is null)
            errors["Baseline"] = "Pick the baseline (KPI and scope) this driver prices. If the initiative has none for its KPI yet, add one under Baselines and targets first.";
        if (draft.RiskPercent is not { } risk || risk < 0m || risk > 100m)
            errors["Risk"] = "Give the risk adjustment as a percentage from 0 to 100 (20 counts 80 % of the benefit).";

        foreach (var field in DriverForms.FieldsOf(draft.Type))
        {
            var key = field.Parameter.ToString();
            var value = draft.ValueOf(field.Parameter);
            if (value is null)
            {
                if (field.Required) errors[key] = $"{field.Label} is missing: the {ValueDriverCatalog.Of(draft.Type).Name.ToLowerInvariant()} formula needs it.";
            }
            else if (value < 0m)
                errors[key] = $"{field.Label} cannot be negative: enter 0 or more.";
            else if (field.Kind == DriverFieldKind.Percent && value > 100m)
                errors[key] = $"{field.Label} is a percentage: enter 0 to 100.";
        }

        if (draft.ProjectedVolume is < 0m)
            errors["ProjectedVolume"] = "A projected volume cannot be negative: enter 0 or more, or leave it empty.";
        else if (baseline?.Kpi is { } k && ScenarioCalculator.UsesVolume(draft.Type) && draft.Volume is null && draft.ProjectedVolume is null && !measuredVolume)
            errors["ProjectedVolume"] =
                $"{k.Code} has no measurements over this driver's scope, so there is no measured volume to project with: enter a projected volume, or load {k.Code} data for the scope on the Data page.";
        if (draft.RampUpMonths is not { } ramp || ramp < 0 || ramp > horizonMonths)
            errors["RampUpMonths"] = string.Create(CultureInfo.InvariantCulture, $"Give the months of ramp-up as a whole number from 0 (full effect from the start) to {horizonMonths}, the horizon.");

        if (baseline?.Kpi is { } kpi)
        {
            CheckScenario(draft.Conservative, "Conservative", "conservative", baseline, kpi.ToDefinition(), values, errors);
            CheckScenario(draft.Optimistic, "Optimistic", "optimistic", baseline, kpi.ToDefinition(), values, errors);
        }

        return errors;
    }

    /// <summary>Where the KPI may go: a rate within 0–1, a net score within −100..100, an amount, time or count from 0.</summary>
    public static (double Min, double Max, string Why)? RangeOf(KpiDefinition kpi)
    {
        ArgumentNullException.ThrowIfNull(kpi);
        if (kpi.Unit == KpiUnit.Rate) return (0, 1, "a rate stays between 0 and 100 %");
        if (kpi.Aggregation == KpiAggregation.NetScore) return (-100, 100, "a net score stays between −100 and 100");
        if (kpi.Unit is KpiUnit.Money or KpiUnit.Count or KpiUnit.Seconds or KpiUnit.Weeks) return (0, double.PositiveInfinity, $"{kpi.Name.ToLowerInvariant()} cannot fall below 0");
        return null;
    }

    private static void CheckScenario(
        ScenarioDraft scenario, string key, string name, Baseline baseline, KpiDefinition kpi, KpiValueFormat values, Dictionary<string, string> errors)
    {
        var baseDelta = (baseline.Target ?? baseline.Value) - baseline.Value;
        double delta;
        if (scenario.Input == ScenarioInput.Explicit)
        {
            if (scenario.Delta is not { } d || !double.IsFinite(d))
            {
                errors[key] = $"Enter the {name} scenario's change in {kpi.Code}, or give it as a multiple of the base change.";
                return;
            }

            delta = d;
        }
        else
        {
            if (scenario.Multiplier is not { } m || !double.IsFinite(m) || m < 0)
            {
                errors[key] = $"Enter the {name} scenario as a multiple of the base change, 0 or more (0.5 for half of it).";
                return;
            }

            delta = baseDelta * m;
        }

        if (RangeOf(kpi) is not { } range) return;
        var projected = baseline.Value + delta;
        if (projected >= range.Min - 1e-12 && projected <= range.Max + 1e-12) return;
        var low = values.Delta(kpi, range.Min - baseline.Value, baseline.Value);
        var allowed = double.IsPositiveInfinity(range.Max)
            ? $"a change of {low} or more"
            : $"a change from {low} to {values.Delta(kpi, range.Max - baseline.Value, baseline.Value)}";
        errors[key] = $"In the {name} scenario {kpi.Code} would be {values.Value(kpi, projected)} ({values.Value(kpi, baseline.Value)} {values.Delta(kpi, delta, baseline.Value)}), "
            + $"but {range.Why}: enter {allowed}" + (scenario.Input == ScenarioInput.Multiplier ? ", or a smaller multiplier." : ".");
    }

    private static void Apply(ValueDriverDraft draft, ValueDriver row, int baselineId)
    {
        var used = DriverForms.FieldsOf(draft.Type).Select(f => f.Parameter).ToHashSet();
        decimal? Used(DriverParameter p, decimal? v) => used.Contains(p) ? v : null;
        row.BaselineId = baselineId;
        row.Name = draft.Name!.Trim();
        row.Type = draft.Type;
        row.Factor = draft.Factor;
        row.IsHard = draft.IsHard;
        row.Risk = draft.RiskPercent!.Value / 100m;
        // A parameter the type's formula does not use is not kept: switching type leaves no number that means nothing.
        row.UnitValue = Used(DriverParameter.UnitValue, draft.UnitValue);
        row.SecondaryUnitValue = Used(DriverParameter.SecondaryUnitValue, draft.SecondaryUnitValue);
        row.Margin = Used(DriverParameter.Margin, draft.MarginPercent) is { } margin ? margin / 100m : null;
        row.Volume = Used(DriverParameter.Volume, draft.Volume);
        row.PerPoint = Used(DriverParameter.PerPoint, draft.PerPoint);
        row.ConservativeDelta = draft.Conservative.Input == ScenarioInput.Explicit ? draft.Conservative.Delta : null;
        row.ConservativeMultiplier = draft.Conservative.Input == ScenarioInput.Multiplier ? draft.Conservative.Multiplier!.Value : row.ConservativeMultiplier;
        row.OptimisticDelta = draft.Optimistic.Input == ScenarioInput.Explicit ? draft.Optimistic.Delta : null;
        row.OptimisticMultiplier = draft.Optimistic.Input == ScenarioInput.Multiplier ? draft.Optimistic.Multiplier!.Value : row.OptimisticMultiplier;
        row.ProjectedVolume = ScenarioCalculator.UsesVolume(draft.Type) ? draft.ProjectedVolume : null;
        row.RampUpMonths = draft.RampUpMonths!.Value;
    }

    private async Task<ValueDriverSaveResult> ConflictAsync(ValueDriverDraft mine, CancellationToken cancellationToken)
    {
        await using var fresh = await contexts.CreateDbContextAsync(cancellationToken);
        var theirs = await fresh.ValueDrivers.AsNoTracking().Include(d => d.Baseline).ThenInclude(b => b!.Kpi)
            .FirstOrDefaultAsync(d => d.Id == mine.Id, cancellationToken);
        if (theirs is null) return DriverGone;
        var stored = Draft(theirs);
        var kpi = theirs.Baseline?.Kpi?.ToDefinition();
        var ids = new[] { mine.BaselineId, stored.BaselineId }.OfType<int>().Distinct().ToList();
        var baselines = await fresh.Baselines.AsNoTracking().Include(b => b.Kpi).Where(b => ids.Contains(b.Id)).ToListAsync(cancellationToken);
        var dimensions = await organisation.DimensionsAsync(cancellationToken);
        string Label(int? id) => baselines.FirstOrDefault(b => b.Id == id) is { } b ? $"{b.Kpi!.Code} · {InitiativePlans.ScopeLabel(b, dimensions)}" : "—";
        return new ValueDriverSaveResult.Conflict(mine, stored, Differences(mine, stored, kpi, await FormatAsync(cancellationToken), Label));
    }

    /// <summary>
    /// The fields in which two versions of a driver differ, written: KPI changes in <paramref name="kpi"/>'s unit, the
    /// baselines by <paramref name="baselineLabel"/>.
    /// </summary>
    public static IReadOnlyList<FieldDifference> Differences(
        ValueDriverDraft mine, ValueDriverDraft theirs, KpiDefinition? kpi, FigureFormat format, Func<int?, string> baselineLabel)
    {
        ArgumentNullException.ThrowIfNull(mine);
        ArgumentNullException.ThrowIfNull(theirs);
        ArgumentNullException.ThrowIfNull(format);
        ArgumentNullException.ThrowIfNull(baselineLabel);
        var culture = format.Culture;
        var values = new KpiValueFormat(format);
        string N(decimal? v) => v is { } x ? x.ToString("#,##0.####", culture) : "—";
        string S(ScenarioDraft s) => s.Input == ScenarioInput.Multiplier
            ? "× " + (s.Multiplier?.ToString("0.##", culture) ?? "—") + " of the base change"
            : kpi is null ? s.Delta?.ToString(culture) ?? "—" : values.Delta(kpi, s.Delta);
        var all = new List<(string, string, string)>
        {
            ("Name", mine.Name?.Trim() ?? "", theirs.Name ?? ""),
            ("Type", ValueDriverCatalog.Of(mine.Type).Name, ValueDriverCatalog.Of(theirs.Type).Name),
            ("KPI and baseline", baselineLabel(mine.BaselineId), baselineLabel(theirs.BaselineId)),
            ("Factor", FactorName(mine.Factor), FactorName(theirs.Factor)),
            ("Hard or soft", mine.IsHard ? "Hard" : "Soft", theirs.IsHard ? "Hard" : "Soft"),
            ("Risk", N(mine.RiskPercent) + " %", N(theirs.RiskPercent) + " %"),
        };
        foreach (var field in DriverForms.FieldsOf(mine.Type).Concat(DriverForms.FieldsOf(theirs.Type)).DistinctBy(f => f.Parameter))
            all.Add((field.Label, N(mine.ValueOf(field.Parameter)), N(theirs.ValueOf(field.Parameter))));
        all.Add(("Conservative", S(mine.Conservative), S(theirs.Conservative)));
        all.Add(("Optimistic", S(mine.Optimistic), S(theirs.Optimistic)));
        all.Add(("Projected volume", N(mine.ProjectedVolume), N(theirs.ProjectedVolume)));
        all.Add(("Ramp-up months", mine.RampUpMonths?.ToString(culture) ?? "—", theirs.RampUpMonths?.ToString(culture) ?? "—"));
        return all.Where(d => d.Item2 != d.Item3).Select(d => new FieldDifference(d.Item1, d.Item2, d.Item3)).ToList();
    }

    /// <summary>"Cost reduction", "Revenue growth" or "Retention".</summary>
    public static string FactorName(ValueFactor factor) => factor switch
    {
        ValueFactor.RevenueGrowth => "Revenue growth",
        ValueFactor.Retention => "Retention",
        _ => "Cost reduction",
    };

    /// <summary>The stored driver as its form edits it.</summary>
    public static ValueDriverDraft Draft(ValueDriver d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new ValueDriverDraft(
            d.Id, d.InitiativeId, d.BaselineId, d.Name, d.Type, d.Factor, d.IsHard, d.Risk * 100m,
            d.UnitValue, d.SecondaryUnitValue, d.Margin * 100m, d.Volume, d.PerPoint,
            d.ConservativeDelta is { } c ? new ScenarioDraft(ScenarioInput.Explicit, d.ConservativeMultiplier, c) : new ScenarioDraft(ScenarioInput.Multiplier, d.ConservativeMultiplier, null),
            d.OptimisticDelta is { } o ? new ScenarioDraft(ScenarioInput.Explicit, d.OptimisticMultiplier, o) : new ScenarioDraft(ScenarioInput.Multiplier, d.OptimisticMultiplier, null),
            d.ProjectedVolume, d.RampUpMonths, d.Version);
    }

    private async Task<FigureFormat> FormatAsync(CancellationToken cancellationToken)
    {
        var settings = await organisation.SettingsAsync(cancellationToken);
        return new FigureFormat(settings.Culture, settings.Currency);
    }

    private static ValueDriverSaveResult.Gone DriverGone => new(
        "This value driver is no longer stored: someone removed it after the page was loaded. Nothing was saved; the list now shows the drivers there are.");
}
