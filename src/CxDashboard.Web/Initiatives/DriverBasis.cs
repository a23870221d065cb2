using CxDashboard.Core.Kpis;
using CxDashboard.Core.Value;

namespace CxDashboard.Web.Initiatives;

/// <summary>Where the numbers of one driver of a plan came from, for its lineage; in the plan's driver order.</summary>
/// <param name="Kpi">The KPI it prices.</param>
/// <param name="ScopeLabel">The channels, partners and segments it covers, in words.</param>
/// <param name="BaselineSource">Where its baseline came from.</param>
/// <param name="VolumeLabel">What its volume counts ("contacts per month").</param>
/// <param name="VolumeSource">Where its projected volume came from; null when it needs none or has none.</param>
internal sealed record DriverBasis(KpiDefinition Kpi, string ScopeLabel, string BaselineSource, string VolumeLabel, string? VolumeSource)
{
    /// <summary>What a driver type's volume counts.</summary>
    public static string VolumeLabelOf(ValueDriverType type) => type switch
    {
        ValueDriverType.HandleTimeSavings or ValueDriverType.RepeatContactAvoidance
            or ValueDriverType.Deflection or ValueDriverType.CostPerContact => "contacts per month",
        ValueDriverType.AgentRampTime => "hires per year",
        ValueDriverType.AgentAttrition => "headcount",
        ValueDriverType.ConversionLift => "leads per month",
        ValueDriverType.RevenuePerCustomer or ValueDriverType.Referral
            or ValueDriverType.ChurnCohort or ValueDriverType.ChurnFlat => "customers",
        _ => "volume",
    };
}
