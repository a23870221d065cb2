using System.Globalization;
using CxDashboard.Core.Time;
using CxDashboard.Data.Model;
using CxDashboard.Web.Access;
using CxDashboard.Web.Initiatives;
using Microsoft.AspNetCore.Components;

namespace CxDashboard.Web.Components.Pages.Initiatives;

/// <summary>
/// Creates an initiative or edits its own fields. The service checks them; errors show on their fields and what was typed
/// stays; a conflicting save by someone else shows both versions for the editor to choose.
/// </summary>
public sealed partial class InitiativeForm
{
    private IReadOnlyDictionary<string, string> _errors = new Dictionary<string, string>();
    private InitiativeSaveResult.Conflict? _conflict;
    private string? _failure;
    private bool _saving;
    private int _shownId = -1;
    private uint _version;
    private string? _name;
    private string? _owner;
    private string? _description;
    private InitiativeType _type;
    private InitiativeStatus _status;
    private YearMonth? _start;
    private int? _horizon;
    private decimal? _discount;
    private CultureInfo _culture = CultureInfo.InvariantCulture;

    [Inject] private InitiativeEditor Editor { get; set; } = default!;

    /// <summary>What the form starts from: a new initiative's defaults, or the stored fields.</summary>
    [Parameter, EditorRequired]
    public InitiativeDraft Draft { get; set; } = default!;

    /// <summary>The culture numbers are typed in; the server's invariant one when not given.</summary>
    [Parameter]
    public CultureInfo? Culture { get; set; }

    /// <summary>Raised with the stored initiative after a save (or after the stored version was taken).</summary>
    [Parameter]
    public EventCallback<InitiativeDraft> Saved { get; set; }

    /// <summary>Raised when the person closes the form.</summary>
    [Parameter]
    public EventCallback Closed { get; set; }

    /// <inheritdoc />
    protected override void OnParametersSet()
    {
        _culture = Culture ?? CultureInfo.InvariantCulture;
        // The same initiative keeps what is being typed across the page's renders.
        if (Draft.Id == _shownId) return;
        _shownId = Draft.Id;
        Show(Draft);
    }

    private InitiativeDraft Current(uint version) =>
        new(Draft.Id, _name, _owner, _description, _type, _status, _start, _horizon, _discount, version);

    private Task SaveAsync() => SaveAsync(_version);

    private Task KeepMineAsync() => SaveAsync(_conflict!.Theirs.Version);

    private async Task TakeTheirsAsync()
    {
        var theirs = _conflict!.Theirs;
        _conflict = null;
        Show(theirs);
        await Saved.InvokeAsync(theirs);
    }

    private async Task SaveAsync(uint version)
    {
        _saving = true;
        _failure = null;
        try
        {
            switch (await Editor.SaveAsync(Current(version)))
            {
                case InitiativeSaveResult.Saved saved:
                    _conflict = null;
                    Show(saved.Current);
                    await Saved.InvokeAsync(saved.Current);
                    break;
                case InitiativeSaveResult.Conflict conflict:
                    _conflict = conflict;
                    _errors = new Dictionary<string, string>();
                    break;
                case InitiativeSaveResult.Invalid invalid:
                    _errors = invalid.Errors;
                    break;
                case InitiativeSaveResult.Gone gone:
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

    private void Show(InitiativeDraft draft)
    {
        _version = draft.Version;
        _errors = new Dictionary<string, string>();
        (_name, _owner, _description, _type, _status, _start, _horizon, _discount) =
            (draft.Name, draft.Owner, draft.Description, draft.Type, draft.Status, draft.Start, draft.HorizonMonths, draft.DiscountRatePercent);
    }

    private bool Has(string field) => _errors.ContainsKey(field);

    private string? ErrorOf(string field) => _errors.GetValueOrDefault(field);
}
