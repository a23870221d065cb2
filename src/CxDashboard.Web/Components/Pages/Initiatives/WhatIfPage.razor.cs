using System.Globalization;
using CxDashboard.Core.Scenarios;
using CxDashboard.Data.Model;
using CxDashboard.Web.Access;
using CxDashboard.Web.Initiatives;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CxDashboard.Web.Components.Pages.Initiatives;

/// <summary>
/// The what-if page: a business case started from a template, whose returns follow every input as it changes, saved as a
/// proposed initiative by an editor. What is typed stays in the form through every error.
/// </summary>
public sealed partial class WhatIfPage
{
    private WhatIfSetup? _setup;
    private WhatIfDraft? _draft;
    private IReadOnlyDictionary<string, string> _errors = new Dictionary<string, string>();
    private ScenarioReturnsView? _returns;
    private ScenarioKind _scenario = ScenarioKind.Base;
    private string? _error;
    private string? _saveError;
    private bool _saving;

    [Inject] private WhatIfService WhatIf { get; set; } = default!;

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [Inject] private ILogger<WhatIfPage> Logger { get; set; } = default!;

    /// <summary>The organisation's own culture, without the display minus sign, so that "-30" typed reads as a number.</summary>
    private CultureInfo Culture => _setup is null ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo(_setup.Format.Culture.Name);

    private string CurrencySymbol => _setup?.Format.Culture.NumberFormat.CurrencySymbol ?? "";

    /// <inheritdoc />
    protected override async Task OnInitializedAsync()
    {
        try
        {
            _setup = await WhatIf.SetUpAsync();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Logger.LogWhatIfSetUpFailed(e);
            _error = "The what-if page cannot be shown: the data store did not answer. Try again in a moment; if it keeps failing, tell your administrator (the details are in the app's log).";
        }
    }

    private void Choose(InitiativeType type)
    {
        _draft = WhatIfService.Template(_setup!, type);
        _returns = null;
        _saveError = null;
        Recalculate();
    }

    private void ChooseScenario(ScenarioKind scenario)
    {
        _scenario = scenario;
        Recalculate();
    }

    /// <summary>Checks the draft and, when it is valid, projects it again; invalid inputs keep the last valid returns, marked as such.</summary>
    private void Recalculate()
    {
        if (_setup is null || _draft is null) return;
        var evaluation = WhatIfService.Evaluate(_setup, _draft, _scenario);
        _errors = evaluation.Errors;
        if (evaluation.Returns is { } returns) _returns = returns;
    }

    private async Task SaveAsync()
    {
        if (_setup is null || _draft is null) return;
        _saving = true;
        _saveError = null;
        try
        {
            switch (await WhatIf.SaveAsync(_setup, _draft))
            {
                case WhatIfSaveResult.Saved saved:
                    Snackbar.Add($"Saved \"{saved.Name}\" as a proposed initiative.", Severity.Success);
                    Navigation.NavigateTo($"initiatives/{saved.Id.ToString(CultureInfo.InvariantCulture)}");
                    break;
                case WhatIfSaveResult.Invalid invalid:
                    _errors = invalid.Errors;
                    _saveError = "Nothing was saved: fix the marked fields first.";
                    break;
            }
        }
        catch (AccessDeniedException e)
        {
            _saveError = e.Message;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Logger.LogWhatIfSaveFailed(e, _draft.Name);
            _saveError = "The business case could not be saved: the data store did not answer as expected. Nothing you typed is lost; try again in a moment.";
        }
        finally
        {
            _saving = false;
        }
    }
}
