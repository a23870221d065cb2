using System.Globalization;
using CxDashboard.Core.Time;
using CxDashboard.Web.Access;
using CxDashboard.Web.Experiments;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CxDashboard.Web.Components.Pages.Experiments;

/// <summary>
/// The form that creates or edits an experiment. The service checks every field; an error shows next to its field and the
/// form keeps what was typed; a save that meets someone else's shows both versions for the editor to choose.
/// </summary>
public sealed partial class ExperimentForm
{
    private readonly Dictionary<string, long?> _counts = new(StringComparer.Ordinal);
    private IReadOnlyDictionary<string, string> _errors = new Dictionary<string, string>();
    private ExperimentSaveResult.Conflict? _conflict;
    private string? _failure;
    private bool _saving;
    private ExperimentDraft? _shown;
    private uint _version;
    private string? _name;
    private string? _hypothesis;
    private int _kpi;
    private int _initiative;
    private int _partner;
    private YearMonth? _start;
    private YearMonth? _end;
    private double? _share;
    private double? _mde;
    private long? _eligible;
    private decimal? _value;

    [Inject] private ExperimentService Service { get; set; } = default!;

    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    /// <summary>The experiment to edit as stored, or <see cref="ExperimentDraft.New"/>.</summary>
    [Parameter, EditorRequired]
    public ExperimentDraft Draft { get; set; } = default!;

    /// <summary>What the form offers.</summary>
    [Parameter, EditorRequired]
    public ExperimentChoices Choices { get; set; } = default!;

    /// <summary>The culture numbers are typed in.</summary>
    [Parameter]
    public CultureInfo Culture { get; set; } = CultureInfo.InvariantCulture;

    /// <summary>Raised with the stored experiment after a save, or the stored version taken.</summary>
    [Parameter]
    public EventCallback<ExperimentDraft> Saved { get; set; }

    /// <summary>Raised when the editor closes the form.</summary>
    [Parameter]
    public EventCallback Closed { get; set; }

    private static readonly (string Label, string Field, string TestId)[] CountFields =
    [
        ("Test group: customers", nameof(ExperimentDraft.TestCustomers), "exp-test-customers"),
        ("Test group: reached the outcome", nameof(ExperimentDraft.TestSuccesses), "exp-test-successes"),
        ("Control group: customers", nameof(ExperimentDraft.ControlCustomers), "exp-control-customers"),
        ("Control group: reached the outcome", nameof(ExperimentDraft.ControlSuccesses), "exp-control-successes"),
    ];

    /// <inheritdoc />
    protected override void OnParametersSet()
    {
        // A new draft (another experiment, or a new one) starts a new edit; the same one keeps what is being typed.
        if (ReferenceEquals(Draft, _shown)) return;
        _shown = Draft;
        _conflict = null;
        _failure = null;
        Show(Draft);
    }

    private long? Count(string field) => _counts.GetValueOrDefault(field);

    private void SetCount(string field, long? value) => _counts[field] = value;

    private ExperimentDraft Current(uint version) => new(
        Draft.Id, _name, _hypothesis, Id(_kpi), Id(_initiative), Id(_partner), _start, _end,
        Count(nameof(ExperimentDraft.TestCustomers)), Count(nameof(ExperimentDraft.TestSuccesses)),
        Count(nameof(ExperimentDraft.ControlCustomers)), Count(nameof(ExperimentDraft.ControlSuccesses)),
        _eligible, _value, _share, _mde, version, Draft.IncludeInRox);

    private Task SaveAsync() => SaveAsync(_version);

    private Task KeepMineAsync() => SaveAsync(_conflict!.Theirs.Version);

    private void TakeTheirs()
    {
        Show(_conflict!.Theirs);
        _conflict = null;
    }

    private async Task SaveAsync(uint version)
    {
        _saving = true;
        _failure = null;
        try
        {
            switch (await Service.SaveAsync(Current(version)))
            {
                case ExperimentSaveResult.Saved saved:
                    _conflict = null;
                    _errors = new Dictionary<string, string>();
                    Snackbar.Add($"Saved: {saved.Current.Name}.", Severity.Success);
                    await Saved.InvokeAsync(saved.Current);
                    break;
                case ExperimentSaveResult.Conflict conflict:
                    _conflict = conflict;
                    _errors = new Dictionary<string, string>();
                    break;
                case ExperimentSaveResult.Invalid invalid:
                    _errors = invalid.Errors;
                    _failure = $"Nothing was saved: {invalid.Errors.Count} {(invalid.Errors.Count == 1 ? "field needs" : "fields need")} correcting, as marked below.";
                    break;
                case ExperimentSaveResult.Gone gone:
                    _failure = gone.Message;
                    break;
            }
        }
        catch (AccessDeniedException e)
        {
            _failure = e.Message;
        }
        finally
        {
            _saving = false;
        }
    }

    private void Show(ExperimentDraft d)
    {
        _version = d.Version;
        _errors = new Dictionary<string, string>();
        (_name, _hypothesis, _kpi, _initiative, _partner) = (d.Name, d.Hypothesis, d.KpiId ?? 0, d.InitiativeId ?? 0, d.PartnerId ?? 0);
        (_start, _end, _share, _mde, _eligible, _value) = (d.WindowStart, d.WindowEnd, d.PlannedTestSharePercent, d.PlannedMdePoints, d.EligiblePopulation, d.ValuePerUnit);
        _counts[nameof(ExperimentDraft.TestCustomers)] = d.TestCustomers;
        _counts[nameof(ExperimentDraft.TestSuccesses)] = d.TestSuccesses;
        _counts[nameof(ExperimentDraft.ControlCustomers)] = d.ControlCustomers;
        _counts[nameof(ExperimentDraft.ControlSuccesses)] = d.ControlSuccesses;
    }

    private static int? Id(int choice) => choice == 0 ? null : choice;

    private bool Has(string field) => _errors.ContainsKey(field);

    private string? ErrorOf(string field) => _errors.GetValueOrDefault(field);
}
