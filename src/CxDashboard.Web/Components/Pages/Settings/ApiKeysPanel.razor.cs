using System.Globalization;
using CxDashboard.Data.Model;
using CxDashboard.Web.Access;
using CxDashboard.Web.Settings;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace CxDashboard.Web.Components.Pages.Settings;

/// <summary>
/// The API keys section of the settings page: admins see every key, create one per integration (its secret shown once,
/// in a dialog with a copy button) and revoke keys, through <see cref="ApiKeyAdministration"/>.
/// </summary>
public sealed partial class ApiKeysPanel
{
    [Inject]
    private ApiKeyAdministration Keys { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    // MudSelect cannot offer a null item, so "the whole organisation" is 0: partner ids start at 1.
    private const int WholeOrganisation = 0;
    private readonly DialogOptions _dialogOptions = new() { MaxWidth = MaxWidth.Small, FullWidth = true };
    // The secret dialog closes only through its button: a stray click or Escape must not lose the one view of the key.
    private readonly DialogOptions _secretOptions = new() { MaxWidth = MaxWidth.Small, FullWidth = true, BackdropClick = false, CloseOnEscapeKey = false };
    private IReadOnlyList<ApiKeySummary>? _keys;
    private IReadOnlyList<PartnerChoice> _partners = [];
    private IReadOnlyDictionary<string, string> _errors = new Dictionary<string, string>();
    private string? _error;
    private bool _busy;
    private string _name = "";
    private ApiKeyAccess _access = ApiKeyAccess.ReadWrite;
    private int _partner = WholeOrganisation;
    private ApiKeySummary? _created;
    private string _secret = "";
    private bool _secretOpen;
    private ApiKeySummary? _revoking;
    private bool _revokeOpen;

    protected override async Task OnInitializedAsync() => await RunAsync(async () =>
    {
        _partners = await Keys.PartnersAsync();
        _keys = await Keys.ListAsync();
    });

    private Task CreateAsync() => RunAsync(async () =>
    {
        switch (await Keys.CreateAsync(new ApiKeyRequest(_name, _access, _partner == WholeOrganisation ? null : _partner)))
        {
            case ApiKeyChangeResult.Created created:
                _errors = new Dictionary<string, string>();
                (_name, _access, _partner) = ("", ApiKeyAccess.ReadWrite, WholeOrganisation);
                (_created, _secret, _secretOpen) = (created.Key, created.Secret, true);
                _keys = await Keys.ListAsync();
                break;
            case ApiKeyChangeResult.Invalid invalid:
                _errors = invalid.Errors;
                break;
        }
    });

    private async Task CopyAsync()
    {
        try
        {
            await JS.InvokeVoidAsync("navigator.clipboard.writeText", _secret);
            Snackbar.Add("The key is on the clipboard.", Severity.Success);
        }
        catch (JSException)
        {
            // Browsers allow the clipboard only on secure pages and with permission; the key is still in the field.
            Snackbar.Add("The browser did not allow copying: select the key in the field and copy it yourself.", Severity.Warning);
        }
    }

    private void CloseSecret() => (_secretOpen, _secret, _created) = (false, "", null);

    private void AskRevoke(ApiKeySummary key) => (_revoking, _revokeOpen) = (key, true);

    private Task RevokeAsync() => RunAsync(async () =>
    {
        var key = _revoking!;
        _revokeOpen = false;
        switch (await Keys.RevokeAsync(key.Id))
        {
            case ApiKeyChangeResult.Revoked:
                Snackbar.Add($"The key {key.Name} is revoked: calls with it are refused.", Severity.Success);
                break;
            case ApiKeyChangeResult.Invalid invalid:
                Snackbar.Add(string.Join(" ", invalid.Errors.Values), Severity.Error);
                break;
        }

        _keys = await Keys.ListAsync();
    });

    private async Task RunAsync(Func<Task> work)
    {
        _busy = true;
        try
        {
            await work();
        }
        catch (AccessDeniedException e)
        {
            _error = e.Message;
            (_revokeOpen, _secretOpen) = (false, false);
        }
        finally
        {
            _busy = false;
        }
    }

    private static string Utc(DateTime time) => time.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";

    private bool Has(string field) => _errors.ContainsKey(field);

    private string? ErrorOf(string field) => _errors.GetValueOrDefault(field);
}
