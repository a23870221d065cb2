using System.Globalization;
using CxDashboard.Web.Access;
using CxDashboard.Web.Kpis;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CxDashboard.Web.Components.Pages.Kpis;

/// <summary>
/// The form that edits one measurement: the fields its KPI is kept with, checked by the service with the import rules,
/// saved against the version it was loaded with. A conflict shows both versions and lets the editor choose; nothing
/// they typed is lost by an error.
/// </summary>
public sealed partial class MeasurementEditPanel
{
    private MeasurementSaveResult.Conflict? _conflict;
    private IReadOnlyDictionary<string, string> _errors = new Dictionary<string, string>();
    private string? _error;
    private bool _saving;
    private long _rowId;
    private uint _version;
    private double? _value;
    private double? _numerator;
    private double? _denominator;
    private double? _weight;
    private string? _note;

    [Inject] private MeasurementEditor Editor { get; set; } = default!;

    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    /// <summary>The KPI the measurement belongs to.</summary>
    [Parameter, EditorRequired]
    public KpiInfoView Kpi { get; set; } = default!;

    /// <summary>The row being edited.</summary>
    [Parameter, EditorRequired]
    public MeasurementView Row { get; set; } = default!;

    /// <summary>"October 2026".</summary>
    [Parameter, EditorRequired]
    public string MonthLabel { get; set; } = "";

    /// <summary>Raised when the editor closes the form.</summary>
    [Parameter]
    public EventCallback Closed { get; set; }

    /// <summary>Raised after a change was stored, or the stored version taken.</summary>
    [Parameter]
    public EventCallback Saved { get; set; }

    private string ValueLabel => Kpi.Shape == MeasurementShape.Sum ? Kpi.NumeratorLabel : $"Value: {Kpi.NumeratorLabel.ToLowerInvariant()}";

    /// <inheritdoc />
    protected override void OnParametersSet()
    {
        // A new row starts a new edit; the same row keeps what is being typed across the page's renders.
        if (Row.Id == _rowId) return;
        _rowId = Row.Id;
        _conflict = null;
        _error = null;
        Show(new MeasurementDraft(Row.Id, Row.Fields, Row.Version));
    }

    private MeasurementDraft Current(uint version) => new(_rowId,
        new MeasurementFields(KpiInput.FromInput(Kpi.Unit, _value), _numerator, _denominator, _weight, _note), version);

    private Task SaveAsync() => SaveAsync(_version);

    private Task KeepMineAsync() => SaveAsync(_conflict!.Theirs.Version);

    private async Task TakeTheirsAsync()
    {
        Show(_conflict!.Theirs);
        _conflict = null;
        await Saved.InvokeAsync();
    }

    private async Task SaveAsync(uint version)
    {
        _saving = true;
        _error = null;
        try
        {
            switch (await Editor.SaveAsync(Current(version)))
            {
                case MeasurementSaveResult.Saved saved:
                    Show(saved.Current);
                    _conflict = null;
                    Snackbar.Add($"Saved: {Kpi.Code} for {MonthLabel}, {Row.Where}.", Severity.Success);
                    await Saved.InvokeAsync();
                    await Closed.InvokeAsync();
                    break;
                case MeasurementSaveResult.Conflict conflict:
                    _conflict = conflict;
                    _errors = new Dictionary<string, string>();
                    break;
                case MeasurementSaveResult.Invalid invalid:
                    _errors = invalid.Errors;
                    break;
                case MeasurementSaveResult.Gone gone:
                    _error = gone.Message;
                    break;
            }
        }
        catch (AccessDeniedException e)
        {
            _error = e.Message;
        }
        finally
        {
            _saving = false;
        }
    }

    private void Show(MeasurementDraft draft)
    {
        _version = draft.Version;
        _errors = new Dictionary<string, string>();
        _value = KpiInput.ToInput(Kpi.Unit, draft.Fields.Value);
        _numerator = draft.Fields.Numerator;
        _denominator = draft.Fields.Denominator;
        _weight = draft.Fields.Weight;
        _note = draft.Fields.Note;
    }

    private bool Has(string field) => _errors.ContainsKey(field);

    private string? ErrorOf(string field) => _errors.GetValueOrDefault(field);

    private IEnumerable<(string Label, string Mine, string Theirs)> Differences(MeasurementSaveResult.Conflict c)
    {
        string N(double? x) => x is { } v ? v.ToString("#,##0.####", Kpi.Culture) : "—";
        string V(double? x) => KpiInput.ToInput(Kpi.Unit, x) is { } v
            ? v.ToString("#,##0.##", Kpi.Culture) + (KpiInput.Suffix(Kpi.Unit) is { } s ? " " + s : "")
            : "—";
        (string, string, string)[] all =
        [
            ("Value", V(c.Mine.Fields.Value), V(c.Theirs.Fields.Value)),
            (Kpi.NumeratorLabel, N(c.Mine.Fields.Numerator), N(c.Theirs.Fields.Numerator)),
            (Kpi.DenominatorLabel ?? "Denominator", N(c.Mine.Fields.Denominator), N(c.Theirs.Fields.Denominator)),
            ("Weight", N(c.Mine.Fields.Weight), N(c.Theirs.Fields.Weight)),
            ("Note", c.Mine.Fields.Note ?? "—", c.Theirs.Fields.Note ?? "—"),
        ];
        return all.Where(d => d.Item2 != d.Item3);
    }
}
