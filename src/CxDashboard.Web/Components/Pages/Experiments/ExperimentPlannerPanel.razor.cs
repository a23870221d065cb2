using System.Globalization;
using CxDashboard.Core.Experiments;
using CxDashboard.Web.Experiments;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CxDashboard.Web.Components.Pages.Experiments;

/// <summary>
/// The planner for a new test: what an even split of the customers can detect, and the size the target lift needs, as
/// Core's planner says; it opens on seed 001's renewal test (25,000 customers, 80 % retention, a 1.2-point target).
/// </summary>
public sealed partial class ExperimentPlannerPanel
{
    private double? _baseline = PlanDraft.Seed.BaselinePercent;
    private long? _customers = PlanDraft.Seed.EligibleCustomers;
    private double? _target = PlanDraft.Seed.TargetPoints;
    private PlanView? _plan;

    [Inject] private ExperimentService Service { get; set; } = default!;

    /// <summary>The culture numbers are typed in (the organisation's).</summary>
    [Parameter]
    public CultureInfo Culture { get; set; } = CultureInfo.InvariantCulture;

    /// <inheritdoc />
    protected override Task OnInitializedAsync() => PlanAsync();

    private async Task PlanAsync() => _plan = await Service.PlanAsync(new PlanDraft(_baseline, _customers, _target));

    private bool Has(string field) => _plan?.Errors.ContainsKey(field) == true;

    private string? ErrorOf(string field) => _plan?.Errors.GetValueOrDefault(field);

    private static string Verdict(PlanVerdict verdict) => verdict switch
    {
        PlanVerdict.LargeEnough => "Large enough for the target",
        PlanVerdict.NeedsLargerTest => "Needs a larger test",
        _ => "No plan yet",
    };

    private static string Icon(PlanVerdict verdict) => verdict switch
    {
        PlanVerdict.LargeEnough => Icons.Material.Filled.CheckCircle,
        PlanVerdict.NeedsLargerTest => Icons.Material.Filled.Warning,
        _ => Icons.Material.Outlined.HelpOutline,
    };
}
