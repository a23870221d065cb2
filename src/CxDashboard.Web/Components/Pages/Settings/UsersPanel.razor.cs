using System.Globalization;
using CxDashboard.Data.Access;
using CxDashboard.Web.Access;
using CxDashboard.Web.Settings;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CxDashboard.Web.Components.Pages.Settings;

/// <summary>
/// The users section of the settings page: who can sign in, with which role and partner scope; admins add users,
/// change their access, unlock them and set passwords through <see cref="UserAdministration"/>.
/// </summary>
public sealed partial class UsersPanel
{
    [Inject]
    private UserAdministration Users { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    // MudSelect cannot offer a null item, so "the whole organisation" is 0: partner ids start at 1.
    private const int WholeOrganisation = 0;
    private readonly DialogOptions _dialogOptions = new() { MaxWidth = MaxWidth.Small, FullWidth = true };
    private IReadOnlyList<UserSummary>? _users;
    private IReadOnlyList<PartnerChoice> _partners = [];
    private IReadOnlyDictionary<string, string> _addErrors = new Dictionary<string, string>();
    private IReadOnlyDictionary<string, string> _editErrors = new Dictionary<string, string>();
    private string? _error;
    private bool _busy;
    private string _email = "";
    private string _displayName = "";
    private string _role = CxRoles.Viewer;
    private int _partner = WholeOrganisation;
    private string _password = "";
    private UserSummary? _selected;
    private bool _accessOpen;
    private bool _passwordOpen;
    private string _editRole = CxRoles.Viewer;
    private int _editPartner = WholeOrganisation;
    private string _newPassword = "";

    protected override async Task OnInitializedAsync() => await RunAsync(async () =>
    {
        _partners = await Users.PartnersAsync();
        _users = await Users.ListAsync();
    });

    private Task AddAsync() => RunAsync(async () =>
    {
        switch (await Users.CreateAsync(new NewUser(_email, _displayName, _role, Partner(_partner), _password)))
        {
            case UserChangeResult.Done done:
                _addErrors = new Dictionary<string, string>();
                (_email, _displayName, _role, _partner, _password) = ("", "", CxRoles.Viewer, WholeOrganisation, "");
                _users = await Users.ListAsync();
                Snackbar.Add($"{done.User.Email} can now sign in as {done.User.Role}.", Severity.Success);
                break;
            case UserChangeResult.Invalid invalid:
                _addErrors = invalid.Errors;
                break;
        }
    });

    private void EditAccess(UserSummary user)
    {
        (_selected, _editRole, _editPartner, _editErrors) = (user, user.Role ?? CxRoles.Viewer, user.PartnerId ?? WholeOrganisation, new Dictionary<string, string>());
        _accessOpen = true;
    }

    private void EditPassword(UserSummary user)
    {
        (_selected, _newPassword, _editErrors) = (user, "", new Dictionary<string, string>());
        _passwordOpen = true;
    }

    private void CloseDialogs() => (_accessOpen, _passwordOpen) = (false, false);

    private Task SaveAccessAsync() => SaveAsync(() => Users.ChangeAccessAsync(_selected!.Id, _editRole, Partner(_editPartner)),
        done => $"{done.User.Email} is now {done.User.Role}, seeing {done.User.Scope}.");

    private Task SavePasswordAsync() => SaveAsync(() => Users.SetPasswordAsync(_selected!.Id, _newPassword),
        done => $"{done.User.Email} has a new password.");

    private Task UnlockAsync(UserSummary user) => RunAsync(async () =>
    {
        switch (await Users.UnlockAsync(user.Id))
        {
            case UserChangeResult.Done done:
                Snackbar.Add($"{done.User.Email} can sign in again.", Severity.Success);
                break;
            case UserChangeResult.Invalid invalid:
                Snackbar.Add(string.Join(" ", invalid.Errors.Values), Severity.Error);
                break;
        }

        _users = await Users.ListAsync();
    });

    private Task SaveAsync(Func<Task<UserChangeResult>> change, Func<UserChangeResult.Done, string> saidWhenDone) => RunAsync(async () =>
    {
        switch (await change())
        {
            case UserChangeResult.Done done:
                CloseDialogs();
                _users = await Users.ListAsync();
                Snackbar.Add(saidWhenDone(done), Severity.Success);
                break;
            case UserChangeResult.Invalid invalid:
                _editErrors = invalid.Errors;
                break;
        }
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
            CloseDialogs();
        }
        finally
        {
            _busy = false;
        }
    }

    private static int? Partner(int choice) => choice == WholeOrganisation ? null : choice;

    private static string Utc(DateTime time) => time.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";

    private static bool Has(IReadOnlyDictionary<string, string> errors, string field) => errors.ContainsKey(field);

    private static string? ErrorOf(IReadOnlyDictionary<string, string> errors, string field) => errors.GetValueOrDefault(field);
}
