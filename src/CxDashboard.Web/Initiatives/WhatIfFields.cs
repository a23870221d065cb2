using CxDashboard.Core.Value;

namespace CxDashboard.Web.Initiatives;

/// <summary>What a what-if number is typed in.</summary>
public enum WhatIfUnit
{
    /// <summary>Money in the organisation's currency.</summary>
    Money,
    /// <summary>A count (contacts, customers, hires).</summary>
    Count,
    /// <summary>A percentage (45 for 45 %).</summary>
    Percent,
    /// <summary>A plain number.</summary>
    Number,
}

/// <summary>One input a driver type's formula takes besides its KPI.</summary>
/// <param name="Key">Which of the draft's numbers it is (<see cref="WhatIfFields.Volume"/>…).</param>
/// <param name="Label">What it is, as the field is labelled.</param>
/// <param name="Unit">What it is typed in.</param>
public sealed record WhatIfField(string Key, string Label, WhatIfUnit Unit);

/// <summary>The inputs each driver type's formula takes (FORMULAS.md §2), for the what-if form and its rules.</summary>
public static class WhatIfFields
{
    /// <summary><see cref="WhatIfDriver.Volume"/>.</summary>
    public const string Volume = "volume";

    /// <summary><see cref="WhatIfDriver.UnitValue"/>.</summary>
    public const string UnitValue = "unit";

    /// <summary><see cref="WhatIfDriver.SecondaryUnitValue"/>.</summary>
    public const string SecondaryUnitValue = "secondary";

    /// <summary><see cref="WhatIfDriver.MarginPercent"/>.</summary>
    public const string Margin = "margin";

    /// <summary><see cref="WhatIfDriver.PerPoint"/>.</summary>
    public const string PerPoint = "per-point";

    /// <summary>The inputs of <paramref name="type"/>, in the order the form shows them.</summary>
    public static IReadOnlyList<WhatIfField> For(ValueDriverType type) => type switch
    {
        ValueDriverType.HandleTimeSavings => [Count("Contacts per month"), Money("Loaded hourly rate, per agent hour")],
        ValueDriverType.RepeatContactAvoidance => [Count("Contacts per month"), Money("Cost per contact")],
        ValueDriverType.Deflection => [Count("Contacts per month"), Money("Cost per assisted contact"), new(SecondaryUnitValue, "Cost per automated contact", WhatIfUnit.Money)],
        ValueDriverType.CostPerContact => [Count("Contacts per month")],
        ValueDriverType.ComplaintsAndReturns => [Money("Cost per complaint or return")],
        ValueDriverType.AgentRampTime => [Count("Hires per year"), Money("Weekly loaded cost per agent")],
        ValueDriverType.AgentAttrition => [Count("Headcount"), Money("Replacement cost per leaver")],
        ValueDriverType.ConversionLift => [Count("Leads per month"), Money("Average order value"), MarginField],
        ValueDriverType.RevenuePerCustomer => [Count("Customers"), MarginField],
        ValueDriverType.Referral => [Count("Customers"), new(PerPoint, "Referral conversions per NPS point per customer", WhatIfUnit.Number), Money("Value per referral")],
        ValueDriverType.ChurnValueOfChurn => [Money("Churned value per month")],
        ValueDriverType.ChurnCohort or ValueDriverType.ChurnFlat => [Count("Customers"), Money("ARPU, per customer per month"), MarginField],
        _ => [Money("Agreed amount per month")],
    };

    private static readonly WhatIfField MarginField = new(Margin, "Gross margin", WhatIfUnit.Percent);

    private static WhatIfField Count(string label) => new(Volume, label, WhatIfUnit.Count);

    private static WhatIfField Money(string label) => new(UnitValue, label, WhatIfUnit.Money);

    /// <summary>The draft's number for <paramref name="key"/>.</summary>
    public static decimal? Get(WhatIfDriver driver, string key)
    {
        ArgumentNullException.ThrowIfNull(driver);
        return key switch
        {
            Volume => driver.Volume,
            UnitValue => driver.UnitValue,
            SecondaryUnitValue => driver.SecondaryUnitValue,
            Margin => driver.MarginPercent,
            _ => driver.PerPoint,
        };
    }

    /// <summary>Sets the draft's number for <paramref name="key"/>.</summary>
    public static void Set(WhatIfDriver driver, string key, decimal? value)
    {
        ArgumentNullException.ThrowIfNull(driver);
        switch (key)
        {
            case Volume: driver.Volume = value; break;
            case UnitValue: driver.UnitValue = value; break;
            case SecondaryUnitValue: driver.SecondaryUnitValue = value; break;
            case Margin: driver.MarginPercent = value; break;
            default: driver.PerPoint = value; break;
        }
    }
}
