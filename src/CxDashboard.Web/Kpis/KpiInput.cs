using CxDashboard.Core.Kpis;

namespace CxDashboard.Web.Kpis;

/// <summary>
/// How a person types a KPI's value: a rate as a percentage (72.5 for 72.5 %), everything else as stored. The store
/// keeps rates as fractions; the forms convert on the way in and out, and nothing else changes.
/// </summary>
public static class KpiInput
{
    /// <summary>The value as a form shows it.</summary>
    public static double? ToInput(KpiUnit unit, double? stored) => unit == KpiUnit.Rate && stored is { } v ? Math.Round(v * 100, 10) : stored;

    /// <summary>The value as the store keeps it.</summary>
    public static double? FromInput(KpiUnit unit, double? typed) => unit == KpiUnit.Rate && typed is { } v ? v / 100 : typed;

    /// <summary>What follows the number in a form ("%", "s", "weeks"); null when nothing does.</summary>
    public static string? Suffix(KpiUnit unit) => unit switch
    {
        KpiUnit.Rate => "%",
        KpiUnit.Seconds => "s",
        KpiUnit.Weeks => "weeks",
        _ => null,
    };
}
