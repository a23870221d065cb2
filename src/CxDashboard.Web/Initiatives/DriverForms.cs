using CxDashboard.Core.Value;

namespace CxDashboard.Web.Initiatives;

/// <summary>Which of a driver's stored numbers a form field edits (<see cref="DriverParameters"/>).</summary>
public enum DriverParameter
{
    /// <summary>The unit value: hourly rate, cost per contact, order value, ARPU…</summary>
    UnitValue,
    /// <summary>The cost per automated contact (deflection).</summary>
    SecondaryUnitValue,
    /// <summary>Gross margin, entered as a percentage.</summary>
    Margin,
    /// <summary>A fixed volume (contacts, hires per year, headcount, leads, customers) instead of the KPI's measured one.</summary>
    Volume,
    /// <summary>Referral conversions per NPS point per customer.</summary>
    PerPoint,
}

/// <summary>How a driver field's number is typed.</summary>
public enum DriverFieldKind
{
    /// <summary>An amount in the organisation's currency.</summary>
    Money,
    /// <summary>A percentage (45 for 45 %), stored as a fraction.</summary>
    Percent,
    /// <summary>A count of contacts, customers, people.</summary>
    Count,
    /// <summary>A plain number.</summary>
    Number,
}

/// <summary>One input of a driver type's form.</summary>
/// <param name="Parameter">The stored number it edits.</param>
/// <param name="Label">What it is ("Loaded hourly rate").</param>
/// <param name="Kind">How it is typed.</param>
/// <param name="Required">True when the formula cannot price the driver without it; a volume never is, the KPI's measured one serving.</param>
public sealed record DriverField(DriverParameter Parameter, string Label, DriverFieldKind Kind, bool Required);

/// <summary>
/// The typed form of each value driver type: the inputs its formula takes (<see cref="ValueDriverCalculator"/>), as
/// <see cref="ValueDriverCatalog"/> declares them in words, with which are required.
/// </summary>
public static class DriverForms
{
    /// <summary>The fields of <paramref name="type"/>'s form, in the order the catalog names its inputs.</summary>
    public static IReadOnlyList<DriverField> FieldsOf(ValueDriverType type) => type switch
    {
        ValueDriverType.HandleTimeSavings => [Contacts, Money("Loaded hourly rate")],
        ValueDriverType.RepeatContactAvoidance => [Contacts, Money("Cost per contact")],
        ValueDriverType.Deflection =>
        [
            Contacts, Money("Cost per assisted contact"),
            new(DriverParameter.SecondaryUnitValue, "Cost per automated contact", DriverFieldKind.Money, true),
        ],
        ValueDriverType.CostPerContact => [Contacts],
        ValueDriverType.ComplaintsAndReturns => [Money("Cost per complaint or return")],
        ValueDriverType.AgentRampTime => [Volume("Hires per year"), Money("Weekly loaded cost")],
        ValueDriverType.AgentAttrition => [Volume("Headcount"), Money("Replacement cost")],
        ValueDriverType.ConversionLift => [Volume("Leads per month"), Money("Order value"), Margin],
        ValueDriverType.RevenuePerCustomer => [Volume("Customers"), Margin],
        ValueDriverType.Referral =>
        [
            Volume("Customers"),
            new(DriverParameter.PerPoint, "Referral conversions per NPS point", DriverFieldKind.Number, true),
            Money("Value per referral"),
        ],
        ValueDriverType.ChurnValueOfChurn => [Money("Churned value per month")],
        ValueDriverType.ChurnCohort => [Volume("Customers in the cohort"), Money("ARPU (monthly)"), Margin],
        ValueDriverType.ChurnFlat => [Volume("Customers"), Money("ARPU (monthly)"), Margin],
        ValueDriverType.ManualAmount => [Money("Agreed amount per month")],
        _ => [],
    };

    /// <summary>The volume field of <paramref name="type"/>'s form; null when its formula multiplies no volume.</summary>
    public static DriverField? VolumeOf(ValueDriverType type) => FieldsOf(type).FirstOrDefault(f => f.Parameter == DriverParameter.Volume);

    private static DriverField Contacts => Volume("Contacts per month");

    private static DriverField Margin => new(DriverParameter.Margin, "Gross margin", DriverFieldKind.Percent, true);

    private static DriverField Money(string label) => new(DriverParameter.UnitValue, label, DriverFieldKind.Money, true);

    private static DriverField Volume(string label) => new(DriverParameter.Volume, label, DriverFieldKind.Count, false);
}
