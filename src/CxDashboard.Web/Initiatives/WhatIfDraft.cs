using CxDashboard.Core.CashFlows;
using CxDashboard.Core.Time;
using CxDashboard.Core.Value;
using CxDashboard.Data.Model;

namespace CxDashboard.Web.Initiatives;

/// <summary>
/// A business case being tried on the what-if page, as the form holds it: numbers as a person types them (percentages
/// as 10 for 10 %, a rate KPI's value as 40 for 40 % and its change in points), null where a field is empty. Nothing
/// typed is lost when a field is wrong: the rules report it and the draft keeps it.
/// </summary>
public sealed class WhatIfDraft
{
    /// <summary>The template it started from.</summary>
    public InitiativeType Type { get; set; }

    public string Name { get; set; } = "";

    public string Owner { get; set; } = "";

    public string Description { get; set; } = "";

    /// <summary>The first month.</summary>
    public YearMonth? Start { get; set; }

    /// <summary>How many months the business case covers.</summary>
    public int? HorizonMonths { get; set; }

    /// <summary>The annual discount rate in percent (10 for 10 %).</summary>
    public decimal? DiscountRatePercent { get; set; }

    public List<WhatIfCost> Costs { get; set; } = [];

    public List<WhatIfDriver> Drivers { get; set; } = [];
}

/// <summary>One cost line of a what-if business case.</summary>
public sealed class WhatIfCost
{
    public string Name { get; set; } = "";

    public CostCategory Category { get; set; }

    public CostNature Nature { get; set; }

    public CostRecurrence Recurrence { get; set; }

    /// <summary>Paid once, or each month, in the organisation's currency.</summary>
    public decimal? Amount { get; set; }

    public YearMonth? Start { get; set; }

    /// <summary>The last month a monthly cost is paid; null for the whole horizon.</summary>
    public YearMonth? End { get; set; }

    /// <summary>TEI risk in percent: the cost counts × (1 + risk).</summary>
    public decimal? RiskPercent { get; set; }
}

/// <summary>One value driver of a what-if business case: its KPI is fixed by the template, everything else is typed.</summary>
public sealed class WhatIfDriver
{
    public string Name { get; set; } = "";

    public ValueDriverType Type { get; set; }

    /// <summary>The KPI it prices ("AHT").</summary>
    public string KpiCode { get; set; } = "";

    public ValueFactor Factor { get; set; }

    public bool IsHard { get; set; } = true;

    /// <summary>The channel it covers; null for all channels.</summary>
    public int? ChannelId { get; set; }

    /// <summary>The KPI before the initiative, as typed (a rate in percent).</summary>
    public double? Baseline { get; set; }

    /// <summary>The KPI the initiative should reach: the base scenario.</summary>
    public double? Target { get; set; }

    /// <summary>The conservative scenario's change from the baseline, as typed (a rate's in points).</summary>
    public double? ConservativeChange { get; set; }

    /// <summary>The optimistic scenario's change from the baseline, as typed.</summary>
    public double? OptimisticChange { get; set; }

    /// <summary>The volume the formula takes each month (contacts, customers…), or per year for hires.</summary>
    public decimal? Volume { get; set; }

    public decimal? UnitValue { get; set; }

    public decimal? SecondaryUnitValue { get; set; }

    /// <summary>Gross margin in percent.</summary>
    public decimal? MarginPercent { get; set; }

    public decimal? PerPoint { get; set; }

    /// <summary>TEI risk in percent: the benefit counts × (1 − risk).</summary>
    public decimal? RiskPercent { get; set; }

    /// <summary>Months of partial effect before the full change.</summary>
    public int? RampUpMonths { get; set; } = 0;
}
