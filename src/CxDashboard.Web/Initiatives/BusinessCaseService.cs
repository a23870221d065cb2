using System.Globalization;
using CxDashboard.Core.Kpis;
using CxDashboard.Core.Money;
using CxDashboard.Core.Scenarios;
using CxDashboard.Core.Time;
using CxDashboard.Core.Value;
using CxDashboard.Data.Access;
using CxDashboard.Data.Model;
using CxDashboard.Data.Queries;
using CxDashboard.Web.Access;
using CxDashboard.Web.Board;
using CxDashboard.Web.Formatting;
using CxDashboard.Web.Kpis;

namespace CxDashboard.Web.Initiatives;

/// <summary>
/// The business case tab's application service: an initiative's cost items, baselines and targets and value drivers,
/// written for the reader, with what its forms start from and what to warn about (a KPI with no data over a driver's
/// scope, a baseline with no target, a volume that is not known). Changes go through <see cref="CostItemEditor"/>,
/// <see cref="ValueDriverEditor"/> and <see cref="BaselineEditor"/>.
/// </summary>
public sealed class BusinessCaseService(
    InitiativeQueries initiatives, InitiativePlans plans, KpiQueries kpiQueries, MeasurementQueries measurements,
    OrganisationQueries organisation, AccessGuard guard)
{
    /// <summary>The business case of initiative <paramref name="id"/>; null when there is none with that id.</summary>
    public async Task<BusinessCaseView?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        if (await initiatives.InitiativeAsync(id, cancellationToken) is not { } initiative) return null;
        var settings = await organisation.SettingsAsync(cancellationToken);
        var format = new FigureFormat(settings.Culture, settings.Currency);
        var values = new KpiValueFormat(format);
        var culture = format.Culture;
        var dimensions = await organisation.DimensionsAsync(cancellationToken);
        var user = await guard.UserAsync();
        var partnerReader = CxClaims.PartnerOf(user) is not null;
        var editor = user.IsInRole(CxRoles.Editor) && !partnerReader;
        var readOnly = initiative.ArchivedUtc is not null
            ? editor ? "This initiative is archived: restore it to change its business case." : "This initiative is archived."
            : editor ? null
            : partnerReader ? "Partner users read the business case; the organisation's editors change it."
            : "You can read this business case; editors change it.";

        var baselines = await BaselinesAsync(initiative, dimensions, values, culture, cancellationToken);
        var byId = baselines.ToDictionary(b => b.Id);
        var drivers = new List<ValueDriverView>();
        foreach (var driver in initiative.ValueDrivers.OrderBy(d => d.Id))
            drivers.Add(Driver(driver, byId.GetValueOrDefault(driver.BaselineId), await plans.VolumeAsync(driver, cancellationToken), values, format));

        var months = await measurements.MonthsWithDataAsync(cancellationToken);
        return new BusinessCaseView(
            initiative.Id,
            initiative.Name,
            YearMonth.FromKey(initiative.StartMonth),
            initiative.HorizonMonths,
            editor && initiative.ArchivedUtc is null,
            readOnly,
            partnerReader
                ? "Costs are not shown to partner users: what the organisation pays for its initiatives is not shared with partners. The baselines and value drivers below are those your partner's figures feed."
                : null,
            initiative.CostItems.OrderBy(c => c.StartMonth).ThenBy(c => c.Id).Select(c => Cost(c, format)).ToList(),
            baselines,
            drivers,
            editor ? await ChoicesAsync(dimensions, culture, cancellationToken) : new InitiativeBaselineChoices([], [], [], []),
            culture,
            culture.NumberFormat.CurrencySymbol.Trim(),
            settings.DefaultLoadedHourlyRate,
            months.Count > 0 ? months[^1] : YearMonth.FromKey(initiative.StartMonth));
    }

    private async Task<List<InitiativeBaselineView>> BaselinesAsync(
        Initiative initiative, Dimensions dimensions, KpiValueFormat values, CultureInfo culture, CancellationToken cancellationToken)
    {
        var result = new List<InitiativeBaselineView>();
        foreach (var kpiId in initiative.Baselines.Select(b => b.KpiId).Distinct())
        {
            // The KPI pages' own writer, so that a baseline reads the same there and here, history included.
            var records = (await kpiQueries.BaselinesAsync(kpiId, cancellationToken)).Where(r => r.Baseline.InitiativeId == initiative.Id);
            foreach (var record in records)
            {
                var b = record.Baseline;
                var kpi = initiative.Baselines.First(x => x.Id == b.Id).Kpi!.ToDefinition();
                var view = KpiDetailService.Baseline(kpi, record, dimensions, values, culture);
                var last = await initiatives.LastMeasuredAsync(b.KpiId, b.ChannelId, b.PartnerId, b.SegmentId, cancellationToken);
                var volume = last is null ? (double?)null : KpiRollup.Combine(kpi.Aggregation, last.Sums).Volume;
                var scope = InitiativePlans.ScopeLabel(b, dimensions);
                result.Add(new InitiativeBaselineView(
                    KpiDetailService.Info(kpi, culture),
                    view with { Owner = $"{kpi.Code} · {kpi.Name}" },
                    $"{kpi.Code} · {scope}: {values.Value(kpi, b.Value)} → {(b.Target is { } t ? values.Value(kpi, t) : "no target")}",
                    b.Value,
                    b.Target,
                    kpi.Unit,
                    kpi.Aggregation,
                    ValueDriverCatalog.All.Where(k => k.KpiCodes.Contains(kpi.Code, StringComparer.OrdinalIgnoreCase)).Select(k => k.Type).ToList(),
                    last?.Month,
                    volume is { } v ? $"{v.ToString("N0", culture)} {VolumeNoun(kpi)} in {KpiWords.ShortMonth(last!.Month, culture)}" : null,
                    last is null
                        ? $"{kpi.Code} has no measurements for {scope}: a driver on this baseline realizes no value and has no measured volume to project with. Load {kpi.Code} data for this scope on the Data page, or give the driver a projected volume."
                        : null,
                    b.Target is { } target
                        ? $"{(values.Delta(kpi, target - b.Value, b.Value) is { Length: > 0 } d ? d : "no change")}, from {values.Value(kpi, b.Value)} to {values.Value(kpi, target)}"
                        : $"no change: the baseline ({values.Value(kpi, b.Value)}) has no target yet"));
            }
        }

        return result.OrderBy(b => b.Kpi.Code, StringComparer.Ordinal).ThenBy(b => b.Id).ToList();
    }

    private static ValueDriverView Driver(ValueDriver driver, InitiativeBaselineView? baseline, DriverVolume volume, KpiValueFormat values, FigureFormat format)
    {
        var kind = ValueDriverCatalog.Of(driver.Type);
        var kpi = driver.Baseline!.Kpi!.ToDefinition();
        var culture = format.Culture;
        var draft = ValueDriverEditor.Draft(driver);
        var inputs = DriverForms.FieldsOf(driver.Type)
            .Select(f => (f.Label, draft.ValueOf(f.Parameter) is { } v ? Write(f.Kind, v, format) : f.Parameter == DriverParameter.Volume ? "the KPI's measured volume" : "missing"))
            .ToList();

        var plan = InitiativePlans.Driver(driver, volume.Volume);
        ScenarioView Scenario(ScenarioKind s, string name)
        {
            var delta = plan.DeltaIn(s);
            var change = delta.Resolve(plan.BaseDelta);
            var how = s == ScenarioKind.Base ? "target − baseline"
                : delta.Multiplier is { } m ? $"× {m.ToString("0.##", culture)} of the base change" : "explicit change";
            return new ScenarioView(name, how, values.Delta(kpi, change, plan.Baseline) is { Length: > 0 } text ? text : "no change", values.Value(kpi, plan.Baseline + change));
        }

        var warnings = new List<string>();
        if (baseline?.NoData is { } noData) warnings.Add(noData);
        if (driver.Baseline.Target is null)
            warnings.Add($"The {kpi.Code} baseline has no target, so the base scenario plans no change: set a target under Baselines and targets.");
        if (kind.KpiCodes.Count > 0 && !kind.KpiCodes.Contains(kpi.Code, StringComparer.OrdinalIgnoreCase))
            warnings.Add($"{kind.Name} usually prices {string.Join(" or ", kind.KpiCodes)}, not {kpi.Code}: check that the formula fits the KPI.");
        if (ScenarioCalculator.UsesVolume(driver.Type) && volume.Volume is null)
            warnings.Add($"There is no volume to project with: {volume.Source}.");

        var volumeField = DriverForms.VolumeOf(driver.Type);
        return new ValueDriverView(
            driver.Id,
            driver.Name,
            kind.Name,
            kind.Formula,
            baseline is null ? kpi.Code : $"{kpi.Code} · {baseline.Baseline.Scope}",
            ValueDriverEditor.FactorName(driver.Factor),
            driver.IsHard ? "Hard (cash)" : "Soft (assumption-led)",
            format.Format(driver.Risk * 100m, FigureUnit.Percent),
            inputs,
            [Scenario(ScenarioKind.Conservative, "Conservative"), Scenario(ScenarioKind.Base, "Base"), Scenario(ScenarioKind.Optimistic, "Optimistic")],
            volumeField is null ? "none needed: the formula multiplies no volume"
                : volume.Volume is { } v ? $"{v.ToString("N0", culture)} {volumeField.Label.ToLowerInvariant()}, {volume.Source}" : "not known",
            driver.RampUpMonths == 0 ? "full effect from the start" : string.Create(culture, $"{driver.RampUpMonths} months of ramp-up"),
            warnings,
            draft);
    }

    private static CostItemView Cost(CostItem c, FigureFormat format)
    {
        var culture = format.Culture;
        return new CostItemView(
            c.Id,
            c.Name,
            InitiativeWords.Category(c.Category),
            InitiativeWords.Nature(c.Nature),
            InitiativeWords.Recurrence(c.Recurrence),
            format.Format(c.Amount, FigureUnit.Money) + (c.Recurrence == Core.CashFlows.CostRecurrence.Monthly ? " a month" : ""),
            KpiWords.ShortMonth(YearMonth.FromKey(c.StartMonth), culture),
            c.Recurrence == Core.CashFlows.CostRecurrence.OneTime ? "—"
                : c.EndMonth is { } end ? KpiWords.ShortMonth(YearMonth.FromKey(end), culture) : "open-ended",
            format.Format(c.Risk * 100m, FigureUnit.Percent),
            CostItemEditor.Draft(c));
    }

    private async Task<InitiativeBaselineChoices> ChoicesAsync(Dimensions dimensions, CultureInfo culture, CancellationToken cancellationToken) => new(
        (await organisation.KpisAsync(cancellationToken)).Select(k => new KpiChoice(k.Code, k.Name, KpiDetailService.Info(k.ToDefinition(), culture))).ToList(),
        dimensions.Channels.Select(c => (c.Id, c.Name)).ToList(),
        dimensions.Partners.Select(c => (c.Id, c.Name)).ToList(),
        dimensions.Segments.Select(c => (c.Id, c.Name)).ToList());

    private static string Write(DriverFieldKind kind, decimal value, FigureFormat format) => kind switch
    {
        DriverFieldKind.Money => format.Format(value, FigureUnit.Money),
        DriverFieldKind.Percent => format.Format(value, FigureUnit.Percent),
        DriverFieldKind.Count => value.ToString("N0", format.Culture),
        _ => value.ToString("#,##0.####", format.Culture),
    };

    /// <summary>What a KPI's volume counts, in the plural ("contacts", "customers").</summary>
    private static string VolumeNoun(KpiDefinition kpi) =>
        (kpi.Aggregation == KpiAggregation.Sum ? kpi.NumeratorLabel : kpi.DenominatorLabel ?? "measured").ToLowerInvariant();
}
