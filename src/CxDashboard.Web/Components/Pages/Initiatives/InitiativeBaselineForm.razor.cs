using CxDashboard.Core.Time;
using CxDashboard.Web.Access;
using CxDashboard.Web.Initiatives;
using CxDashboard.Web.Kpis;
using Microsoft.AspNetCore.Components;

namespace CxDashboard.Web.Components.Pages.Initiatives;

/// <summary>Adds a baseline to an initiative: the KPI, the scope it covers, the months it was measured over (measured from the data on request), and its target. Errors show on their fields; what was typed stays.</summary>
public sealed partial class InitiativeBaselineForm
{
    private IReadOnlyDictionary<string, string> _errors = new Dictionary<string, string>();
    private string? _failure;
    private bool _saving;
    private bool _tried;
    private string? _kpi;
    private int _channel;
    private int _partner;
    private int _segment;
    private YearMonth? _start;
    private YearMonth? _end;
    private double? _value;
    private double? _target;
    private YearMonth? _targetMonth;
    private string? _note;
    private string? _proposal;

    [Inject] private BaselineEditor Editor { get; set; } = default!;

    /// <summary>The business case the baseline is added to.</summary>
    [Parameter, EditorRequired]
    public BusinessCaseView View { get; set; } = default!;

    /// <summary>Raised after the baseline was stored.</summary>
    [Parameter]
    public EventCallback Saved { get; set; }

    /// <summary>Raised when the person closes the form.</summary>
    [Parameter]
    public EventCallback Closed { get; set; }

    private KpiInfoView? Kpi => View.Choices.Kpis.FirstOrDefault(k => k.Code == _kpi)?.Info;

    private string? Suffix => Kpi is { } k ? KpiInput.Suffix(k.Unit) : null;

    private static int? Id(int choice) => choice == 0 ? null : choice;

    private bool Has(string field) => _errors.ContainsKey(field);

    private string? ErrorOf(string field) => _errors.GetValueOrDefault(field);

    private void ChooseKpi(string? code)
    {
        // Values typed in one KPI's unit would mean something else in another's: they are converted through the stored unit.
        var before = Kpi;
        _kpi = code;
        if (before is not null && Kpi is { } after && before.Unit != after.Unit)
        {
            _value = KpiInput.ToInput(after.Unit, KpiInput.FromInput(before.Unit, _value));
            _target = KpiInput.ToInput(after.Unit, KpiInput.FromInput(before.Unit, _target));
        }
    }

    private async Task ProposeAsync()
    {
        if (Kpi is not { } kpi)
        {
            _proposal = "Pick the KPI first, then the months to measure over.";
            return;
        }

        if (_start is not { } from || _end is not { } to)
        {
            _proposal = "Enter the first and last month to measure over, then try again.";
            return;
        }

        try
        {
            var proposal = await Editor.ProposeAsync(kpi.Code, Id(_channel), Id(_partner), Id(_segment), from, to);
            _proposal = proposal.Text;
            if (proposal.Value is { } v) _value = KpiInput.ToInput(kpi.Unit, v);
        }
        catch (AccessDeniedException e)
        {
            _proposal = e.Message;
        }
    }

    private async Task AddAsync()
    {
        _tried = true;
        _failure = null;
        if (Kpi is not { } kpi) return;
        _saving = true;
        try
        {
            switch (await Editor.AddAsync(new NewBaselineDraft(
                kpi.Code, View.InitiativeId, Id(_channel), Id(_partner), Id(_segment),
                KpiInput.FromInput(kpi.Unit, _value), _start, _end, KpiInput.FromInput(kpi.Unit, _target), _targetMonth, _note)))
            {
                case BaselineSaveResult.Saved:
                    _errors = new Dictionary<string, string>();
                    await Saved.InvokeAsync();
                    break;
                case BaselineSaveResult.Invalid invalid:
                    _errors = invalid.Errors;
                    _failure = invalid.Errors.GetValueOrDefault("Initiative") ?? invalid.Errors.GetValueOrDefault("Baseline");
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
}
