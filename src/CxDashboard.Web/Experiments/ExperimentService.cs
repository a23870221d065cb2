using CxDashboard.Core.Kpis;
using CxDashboard.Data;
using CxDashboard.Data.Access;
using CxDashboard.Data.Model;
using CxDashboard.Data.Queries;
using CxDashboard.Web.Access;
using CxDashboard.Web.Formatting;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Experiments;

/// <summary>
/// The experiments page's application service: every holdout experiment the reader may see, analysed through Core (lift,
/// interval, p-value, money, sample-ratio and power checks); creating and editing them and choosing to count one in ROX
/// while it is not significant (organisation editors only, each change audited and checked against the version the page
/// loaded); and the planner for a new test.
/// </summary>
public sealed class ExperimentService(
    IDbContextFactory<CxDbContext> contexts, ExperimentQueries experiments, OrganisationQueries organisation, AccessGuard guard)
{
    private const string ToChange = "change experiments";

    /// <summary>The page: every experiment the reader may see (a partner user only their partner's), and what the form offers.</summary>
    public async Task<ExperimentsView> GetAsync(CancellationToken cancellationToken = default)
    {
        var format = await FormatAsync(cancellationToken);
        var (initiatives, kpis) = await NamesAsync(cancellationToken);
        var partners = (await organisation.DimensionsAsync(cancellationToken)).Partners;
        var writer = new ExperimentWriter(format, initiatives.ToDictionary(i => i.Id, i => i.Name), partners.ToDictionary(p => p.Id, p => p.Name));
        var rows = await experiments.ExperimentsAsync(cancellationToken);
        var user = await guard.UserAsync();
        var partnerScope = StoreActor.Current?.PartnerId is { } partner ? partners.FirstOrDefault(p => p.Id == partner)?.Name ?? "one partner" : null;
        return new ExperimentsView(
            rows.Select(writer.Write).ToList(),
            user.IsInRole(CxRoles.Editor) && CxClaims.PartnerOf(user) is null,
            new ExperimentChoices(
                kpis.Where(IsHoldoutKpi).Select(k => (k.Id, $"{k.Name} ({k.Code})")).ToList(),
                initiatives.Where(i => !i.Archived).Select(i => (i.Id, i.Name)).ToList(),
                partners.Select(p => (p.Id, p.Name)).ToList()),
            partnerScope,
            // Forms read what people type: the culture's own minus sign, not the true minus the figures are written with.
            System.Globalization.CultureInfo.GetCultureInfo(format.Culture.Name));
    }

    /// <summary>The planner: the MDE of an even split of the customers, and the size a target lift needs.</summary>
    public async Task<PlanView> PlanAsync(PlanDraft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return TestPlan.Write(draft, await FormatAsync(cancellationToken));
    }

    /// <summary>
    /// Stores a new experiment (<see cref="ExperimentDraft.Id"/> null) or changes one, when every field is valid and the
    /// stored row still has the draft's version; otherwise says what is wrong, or returns both versions. Whether it counts
    /// in ROX by choice is left as it is (<see cref="SetIncludeInRoxAsync"/> changes that).
    /// </summary>
    public async Task<ExperimentSaveResult> SaveAsync(ExperimentDraft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        await guard.RequireOrganisationAsync(CxRoles.Editor, ToChange);
        var format = await FormatAsync(cancellationToken);
        var errors = ExperimentRules.Check(draft, format.Culture);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await CheckReferencesAsync(db, draft, errors, cancellationToken);
        if (errors.Count > 0) return new ExperimentSaveResult.Invalid(errors);

        Experiment? row;
        if (draft.Id is { } id)
        {
            row = await db.Experiments.FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
            if (row is null) return GoneResult;
            // The check is against the version the form was loaded with, not the one just read.
            db.Entry(row).Property(e => e.Version).OriginalValue = draft.Version;
        }
        else
        {
            row = new Experiment { Name = "", Hypothesis = "" };
            db.Experiments.Add(row);
        }

        Apply(draft, row);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new ExperimentSaveResult.Saved(ExperimentWriter.Draft(row));
        }
        catch (DbUpdateConcurrencyException)
        {
            return await ConflictAsync(draft, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another editor took the name between the check and the save: the unique index refused it.
            if (!await NameTakenAsync(draft, cancellationToken)) throw;
            return new ExperimentSaveResult.Invalid(new Dictionary<string, string> { [nameof(draft.Name)] = NameTaken(draft.Name!) });
        }
    }

    /// <summary>
    /// Counts a not-yet-significant experiment in ROX, or stops counting it: a deliberate choice an editor makes, which the
    /// audit trail records and the board then states. Refused with both versions when the experiment changed since
    /// <paramref name="version"/>.
    /// </summary>
    public async Task<ExperimentSaveResult> SetIncludeInRoxAsync(int id, bool include, uint version, CancellationToken cancellationToken = default)
    {
        await guard.RequireOrganisationAsync(CxRoles.Editor, "choose which experiments count in ROX");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Experiments.FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (row is null) return GoneResult;
        var mine = ExperimentWriter.Draft(row) with { Version = version, IncludeInRox = include };
        db.Entry(row).Property(e => e.Version).OriginalValue = version;
        row.IncludeInRox = include;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new ExperimentSaveResult.Saved(ExperimentWriter.Draft(row));
        }
        catch (DbUpdateConcurrencyException)
        {
            return await ConflictAsync(mine, cancellationToken);
        }
    }

    /// <summary>A KPI a holdout can count: a rate over customers (retention, churn, conversion).</summary>
    public static bool IsHoldoutKpi(Kpi kpi)
    {
        ArgumentNullException.ThrowIfNull(kpi);
        return kpi.Unit == KpiUnit.Rate && kpi.Grain == KpiGrain.Customer;
    }

    private async Task CheckReferencesAsync(CxDbContext db, ExperimentDraft draft, Dictionary<string, string> errors, CancellationToken cancellationToken)
    {
        if (draft.KpiId is { } kpiId && await db.Kpis.AsNoTracking().FirstOrDefaultAsync(k => k.Id == kpiId, cancellationToken) is var kpi
            && (kpi is null || !IsHoldoutKpi(kpi)))
            errors[nameof(draft.KpiId)] = kpi is null
                ? "That KPI is no longer stored: pick retention, churn or another share of customers."
                : $"{kpi.Name} is not a share of customers, so a holdout cannot count it: pick retention, churn or a conversion KPI.";
        if (draft.InitiativeId is { } initiativeId && !await db.Initiatives.AnyAsync(i => i.Id == initiativeId, cancellationToken))
            errors[nameof(draft.InitiativeId)] = "That initiative is no longer stored: pick another, or none.";
        if (draft.PartnerId is { } partnerId && !await db.Partners.AnyAsync(p => p.Id == partnerId, cancellationToken))
            errors[nameof(draft.PartnerId)] = "That partner is no longer stored: pick another, or the organisation's own customers.";
        if (!errors.ContainsKey(nameof(draft.Name)) && await NameTakenAsync(draft, cancellationToken))
            errors[nameof(draft.Name)] = NameTaken(draft.Name!);
    }

    private async Task<bool> NameTakenAsync(ExperimentDraft draft, CancellationToken cancellationToken)
    {
        var name = draft.Name?.Trim() ?? "";
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // Names are unique across the organisation, including experiments a partner-scoped reader cannot see.
        return await db.Experiments.IgnoreQueryFilters().AnyAsync(e => e.Name == name && e.Id != (draft.Id ?? 0), cancellationToken);
    }

    private static string NameTaken(string name) => $"Another experiment is already called \"{name.Trim()}\": give this one a name of its own.";

    private static void Apply(ExperimentDraft d, Experiment row)
    {
        row.Name = d.Name!.Trim();
        row.Hypothesis = d.Hypothesis!.Trim();
        row.KpiId = d.KpiId!.Value;
        row.InitiativeId = d.InitiativeId;
        row.PartnerId = d.PartnerId;
        row.WindowStart = d.WindowStart!.Value.Key;
        row.WindowEnd = d.WindowEnd!.Value.Key;
        row.TestCustomers = d.TestCustomers!.Value;
        row.TestSuccesses = d.TestSuccesses!.Value;
        row.ControlCustomers = d.ControlCustomers!.Value;
        row.ControlSuccesses = d.ControlSuccesses!.Value;
        row.EligiblePopulation = d.EligiblePopulation!.Value;
        row.ValuePerUnit = d.ValuePerUnit!.Value;
        row.PlannedTestShare = d.PlannedTestSharePercent!.Value / 100;
        row.PlannedMde = d.PlannedMdePoints / 100;
    }

    private async Task<ExperimentSaveResult> ConflictAsync(ExperimentDraft mine, CancellationToken cancellationToken)
    {
        await using var fresh = await contexts.CreateDbContextAsync(cancellationToken);
        var stored = await fresh.Experiments.AsNoTracking().FirstOrDefaultAsync(e => e.Id == mine.Id, cancellationToken);
        if (stored is null) return GoneResult;
        var theirs = ExperimentWriter.Draft(stored);
        return new ExperimentSaveResult.Conflict(mine, theirs, await DifferencesAsync(mine, theirs, cancellationToken));
    }

    private async Task<IReadOnlyList<FieldDifference>> DifferencesAsync(ExperimentDraft mine, ExperimentDraft theirs, CancellationToken cancellationToken)
    {
        var culture = (await FormatAsync(cancellationToken)).Culture;
        var (initiatives, kpis) = await NamesAsync(cancellationToken);
        var partners = (await organisation.DimensionsAsync(cancellationToken)).Partners;
        string Kpi(int? id) => kpis.FirstOrDefault(k => k.Id == id)?.Name ?? "—";
        string Initiative(int? id) => id is null ? "none" : initiatives.FirstOrDefault(i => i.Id == id).Name ?? "—";
        string Partner(int? id) => id is null ? "the organisation's customers" : partners.FirstOrDefault(p => p.Id == id)?.Name ?? "—";
        string N(long? n) => n?.ToString("N0", culture) ?? "—";
        string D(double? x, string unit) => x is { } v ? v.ToString("0.##", culture) + unit : "—";
        (string, string, string)[] all =
        [
            ("Name", mine.Name ?? "", theirs.Name ?? ""),
            ("Hypothesis", mine.Hypothesis ?? "", theirs.Hypothesis ?? ""),
            ("KPI", Kpi(mine.KpiId), Kpi(theirs.KpiId)),
            ("Initiative", Initiative(mine.InitiativeId), Initiative(theirs.InitiativeId)),
            ("Partner", Partner(mine.PartnerId), Partner(theirs.PartnerId)),
            ("First month", mine.WindowStart?.ToString() ?? "—", theirs.WindowStart?.ToString() ?? "—"),
            ("Last month", mine.WindowEnd?.ToString() ?? "—", theirs.WindowEnd?.ToString() ?? "—"),
            ("Test customers", N(mine.TestCustomers), N(theirs.TestCustomers)),
            ("Test outcomes", N(mine.TestSuccesses), N(theirs.TestSuccesses)),
            ("Control customers", N(mine.ControlCustomers), N(theirs.ControlCustomers)),
            ("Control outcomes", N(mine.ControlSuccesses), N(theirs.ControlSuccesses)),
            ("Eligible population", N(mine.EligiblePopulation), N(theirs.EligiblePopulation)),
            ("Value per unit", mine.ValuePerUnit?.ToString("N2", culture) ?? "—", theirs.ValuePerUnit?.ToString("N2", culture) ?? "—"),
            ("Planned test share", D(mine.PlannedTestSharePercent, " %"), D(theirs.PlannedTestSharePercent, " %")),
            ("Planned MDE", D(mine.PlannedMdePoints, " pp"), D(theirs.PlannedMdePoints, " pp")),
            ("Counted in ROX by choice", mine.IncludeInRox ? "yes" : "no", theirs.IncludeInRox ? "yes" : "no"),
        ];
        return all.Where(d => !string.Equals(d.Item2, d.Item3, StringComparison.Ordinal))
            .Select(d => new FieldDifference(d.Item1, d.Item2, d.Item3)).ToList();
    }

    private async Task<FigureFormat> FormatAsync(CancellationToken cancellationToken)
    {
        var settings = await organisation.SettingsAsync(cancellationToken);
        return new FigureFormat(settings.Culture, settings.Currency);
    }

    private async Task<(List<(int Id, string Name, bool Archived)> Initiatives, IReadOnlyList<Kpi> Kpis)> NamesAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var initiatives = (await db.Initiatives.AsNoTracking().OrderBy(i => i.StartMonth).ThenBy(i => i.Name)
                .Select(i => new { i.Id, i.Name, Archived = i.ArchivedUtc != null }).ToListAsync(cancellationToken))
            .Select(i => (i.Id, i.Name, i.Archived)).ToList();
        return (initiatives, await organisation.KpisAsync(cancellationToken));
    }

    private static ExperimentSaveResult.Gone GoneResult => new(
        "This experiment is no longer stored: it was removed after the page was loaded. Nothing was saved; reload the page to see what is stored now.");
}
