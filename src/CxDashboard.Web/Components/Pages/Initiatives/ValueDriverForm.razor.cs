using CxDashboard.Core.Scenarios;
using CxDashboard.Core.Value;
using CxDashboard.Web.Access;
using CxDashboard.Web.Initiatives;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CxDashboard.Web.Components.Pages.Initiatives;

/// <summary>
/// A value driver's typed form: the inputs its type's formula takes (<see cref="DriverForms"/>), the baseline it prices,
/// factor, hard or soft, risk, the conservative and optimistic changes, projected volume and ramp-up. The service checks
/// it; errors show on their fields, what was typed stays, and a conflicting save shows both versions.
/// </summary>
public sealed partial class ValueDriverForm
{
    private IReadOnlyDictionary<string, string> _errors = new Dictionary<string, string>();
    private ValueDriverSaveResult.Conflict? _conflict;
    private string? _failure;
    private bool _saving;
    private int _shownId = -1;
    private uint _version;
    private ValueDriverType _type;
    private int? _baselineId;
    private string? _name;
    private ValueFactor _factor;
    private bool _hard;
    private decimal? _risk;
    private readonly Dictionary<DriverParameter, decimal?> _inputs = [];
    private ScenarioDraft _conservative = new(ScenarioInput.Multiplier, 0.5, null);
    private ScenarioDraft _optimistic = new(ScenarioInput.Multiplier, 1.5, null);
    private decimal? _projectedVolume;
    private int? _rampUp;

    [Inject] private ValueDriverEditor Editor { get; set; } = default!;

    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    /// <summary>The business case the driver belongs to: its baselines, culture and currency.</summary>
    [Parameter, EditorRequired]
    public BusinessCaseView View { get; set; } = default!;

    /// <summary>The driver as stored, or a new one's defaults.</summary>
    [Parameter, EditorRequired]
    public ValueDriverDraft Draft { get; set; } = default!;

    /// <summary>Raised after the driver was stored, or the stored version taken.</summary>
    [Parameter]
    public EventCallback Saved { get; set; }

    /// <summary>Raised when the person closes the form without saving.</summary>
    [Parameter]
    public EventCallback Closed { get; set; }

    private ValueDriverKind Kind => ValueDriverCatalog.Of(_type);

    private InitiativeBaselineView? Baseline => View.Baselines.FirstOrDefault(b => b.Id == _baselineId);

    private string SuggestedName => Baseline is { } b ? $"{Kind.Name}, {b.Baseline.Scope.Split(" · ")[0].ToLowerInvariant()}" : Kind.Name;

    private string ProjectedVolumeHelp =>
        ValueOf(DriverParameter.Volume) is not null ? "Empty: the volume entered above"
        : Baseline?.LastVolume is { } last ? $"Empty: the last measured month, {last}"
        : Baseline is null ? "Empty: the KPI's last measured month"
        : "The KPI has no measured month to take it from: enter one";

    /// <inheritdoc />
    protected override void OnParametersSet()
    {
        // The same driver keeps what is being typed across the page's renders.
        if (Draft.Id == _shownId) return;
        _shownId = Draft.Id;
        Show(Draft);
    }

    private decimal? ValueOf(DriverParameter parameter) => _inputs.GetValueOrDefault(parameter);

    private void SetValue(DriverParameter parameter, decimal? value) => _inputs[parameter] = value;

    private void ChangeType(ValueDriverType type)
    {
        var suggested = SuggestedName;
        // An input keeps its number only where it means the same in the new type: an hourly rate is not an ARPU.
        var before = DriverForms.FieldsOf(_type).ToDictionary(f => f.Parameter, f => f.Label);
        foreach (var field in DriverForms.FieldsOf(type).Where(f => before.GetValueOrDefault(f.Parameter) != f.Label))
            _inputs[field.Parameter] = null;
        foreach (var parameter in before.Keys.Where(p => DriverForms.FieldsOf(type).All(f => f.Parameter != p)))
            _inputs[parameter] = null;
        if (type == ValueDriverType.HandleTimeSavings && _inputs.GetValueOrDefault(DriverParameter.UnitValue) is null)
            _inputs[DriverParameter.UnitValue] = View.DefaultHourlyRate;
        _type = type;
        // A new driver takes its type's usual factor and evidence; an edited one keeps what the editor set.
        if (Draft.Id == 0)
        {
            _factor = Kind.Factor;
            _hard = Kind.IsHard;
        }

        if (string.IsNullOrWhiteSpace(_name) || _name == suggested) _name = SuggestedName;
    }

    private void ChangeBaseline(int? baselineId)
    {
        var suggested = SuggestedName;
        _baselineId = baselineId;
        if (string.IsNullOrWhiteSpace(_name) || _name == suggested) _name = SuggestedName;
        // A driver type that prices this KPI by the catalog is the likely one for a new driver.
        if (Draft.Id == 0 && Baseline is { DriverTypes.Count: > 0 } b && !b.DriverTypes.Contains(_type)) ChangeType(b.DriverTypes[0]);
    }

    private ValueDriverDraft Current(uint version) => new(
        Draft.Id, Draft.InitiativeId, _baselineId, string.IsNullOrWhiteSpace(_name) ? _name : _name.Trim(), _type, _factor, _hard, _risk,
        ValueOf(DriverParameter.UnitValue), ValueOf(DriverParameter.SecondaryUnitValue), ValueOf(DriverParameter.Margin),
        ValueOf(DriverParameter.Volume), ValueOf(DriverParameter.PerPoint),
        _conservative, _optimistic, ScenarioCalculator.UsesVolume(_type) ? _projectedVolume : null, _rampUp, version);

    private Task SaveAsync() => SaveAsync(_version);

    private Task KeepMineAsync() => SaveAsync(_conflict!.Theirs.Version);

    private async Task TakeTheirsAsync()
    {
        _conflict = null;
        await Saved.InvokeAsync();
    }

    private async Task SaveAsync(uint version)
    {
        _saving = true;
        _failure = null;
        try
        {
            switch (await Editor.SaveAsync(Current(version)))
            {
                case ValueDriverSaveResult.Saved saved:
                    _conflict = null;
                    Show(saved.Current);
                    Snackbar.Add($"Saved the value driver {saved.Current.Name}.", Severity.Success);
                    await Saved.InvokeAsync();
                    break;
                case ValueDriverSaveResult.Conflict conflict:
                    _conflict = conflict;
                    _errors = new Dictionary<string, string>();
                    break;
                case ValueDriverSaveResult.Invalid invalid:
                    _errors = invalid.Errors;
                    _failure = invalid.Errors.GetValueOrDefault("Driver") ?? (invalid.Errors.Count > 0 ? "Nothing was saved: put right the fields marked below." : null);
                    break;
                case ValueDriverSaveResult.Gone gone:
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

    private void Show(ValueDriverDraft draft)
    {
        _version = draft.Version;
        _errors = new Dictionary<string, string>();
        (_type, _baselineId, _name, _factor, _hard, _risk) = (draft.Type, draft.BaselineId, draft.Name, draft.Factor, draft.IsHard, draft.RiskPercent);
        foreach (var parameter in Enum.GetValues<DriverParameter>()) _inputs[parameter] = draft.ValueOf(parameter);
        (_conservative, _optimistic, _projectedVolume, _rampUp) = (draft.Conservative, draft.Optimistic, draft.ProjectedVolume, draft.RampUpMonths);
        if (draft.Id == 0 && string.IsNullOrWhiteSpace(_name)) _name = SuggestedName;
    }

    private bool Has(string field) => _errors.ContainsKey(field);

    private string? ErrorOf(string field) => _errors.GetValueOrDefault(field);
}
