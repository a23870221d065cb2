using CxDashboard.Core.CashFlows;
using CxDashboard.Core.Value;

namespace CxDashboard.Data.Model;

/// <summary>Where an initiative is in its life.</summary>
public enum InitiativeStatus
{
    Proposed,
    Active,
    Paused,
    Closed,
}

/// <summary>A CX initiative: what it costs, which KPIs it is meant to move and how that becomes money.</summary>
public class Initiative : IVersioned
{
    public int Id { get; set; }
    /// <inheritdoc />
    public uint Version { get; set; }
    public required string Name { get; set; }
    public required string Owner { get; set; }
    public string Description { get; set; } = "";
    /// <summary>The first month of the initiative (year × 100 + month).</summary>
    public int StartMonth { get; set; }
    /// <summary>How many months the business case covers.</summary>
    public int HorizonMonths { get; set; } = 36;
    /// <summary>Annual discount rate as a fraction.</summary>
    public decimal DiscountRate { get; set; } = 0.10m;
    public InitiativeStatus Status { get; set; } = InitiativeStatus.Active;

    public List<CostItem> CostItems { get; set; } = [];
    public List<Baseline> Baselines { get; set; } = [];
    public List<ValueDriver> ValueDrivers { get; set; } = [];
}

/// <summary>One cost line of an initiative.</summary>
public class CostItem : IVersioned
{
    public int Id { get; set; }
    /// <inheritdoc />
    public uint Version { get; set; }
    public int InitiativeId { get; set; }
    public required string Name { get; set; }
    public CostCategory Category { get; set; }
    public CostNature Nature { get; set; }
    public CostRecurrence Recurrence { get; set; }
    /// <summary>Paid once, or each month.</summary>
    public decimal Amount { get; set; }
    public int StartMonth { get; set; }
    public int? EndMonth { get; set; }
    /// <summary>TEI risk adjustment as a fraction.</summary>
    public decimal Risk { get; set; }
}

/// <summary>
/// The value a KPI had before an initiative (or, without an initiative, for the whole organisation),
/// over a scope of channel, partner and segment, with the target it should reach.
/// </summary>
public class Baseline : IVersioned
{
    public int Id { get; set; }
    /// <inheritdoc />
    public uint Version { get; set; }
    /// <summary>Null for the organisation's own baseline, the one the board's KPI tiles use.</summary>
    public int? InitiativeId { get; set; }
    public int KpiId { get; set; }
    public int? ChannelId { get; set; }
    public int? PartnerId { get; set; }
    public int? SegmentId { get; set; }
    public double Value { get; set; }
    /// <summary>The months the baseline was measured over.</summary>
    public int PeriodStart { get; set; }
    public int PeriodEnd { get; set; }
    public double? Target { get; set; }
    /// <summary>The month the target should be met by.</summary>
    public int? TargetMonth { get; set; }
    public string Note { get; set; } = "";

    public Kpi? Kpi { get; set; }
    public Channel? Channel { get; set; }
    public Partner? Partner { get; set; }
    public Segment? Segment { get; set; }
}

/// <summary>How an initiative's KPI change becomes money (FORMULAS.md §2); its KPI and scope are its baseline's.</summary>
public class ValueDriver : IVersioned
{
    public int Id { get; set; }
    /// <inheritdoc />
    public uint Version { get; set; }
    public int InitiativeId { get; set; }
    public int BaselineId { get; set; }
    public required string Name { get; set; }
    public ValueDriverType Type { get; set; }
    public ValueFactor Factor { get; set; }
    public bool IsHard { get; set; } = true;
    public decimal Risk { get; set; }
    public decimal? UnitValue { get; set; }
    public decimal? SecondaryUnitValue { get; set; }
    public decimal? Margin { get; set; }
    public decimal? Volume { get; set; }
    public decimal? PerPoint { get; set; }

    public Baseline? Baseline { get; set; }

    /// <summary>The parameters as Core reads them.</summary>
    public DriverParameters Parameters => new(UnitValue, SecondaryUnitValue, Margin, Volume, PerPoint);
}

/// <summary>The organisation's settings: one row.</summary>
public class OrganisationSettings : IVersioned
{
    public int Id { get; set; }
    /// <inheritdoc />
    public uint Version { get; set; }
    public required string OrganisationName { get; set; }
    /// <summary>ISO 4217 code ("USD").</summary>
    public string Currency { get; set; } = "USD";
    /// <summary>Culture used to write numbers ("en-US").</summary>
    public string Culture { get; set; } = "en-US";
    /// <summary>1 for January.</summary>
    public int FiscalYearStartMonth { get; set; } = 1;
    public decimal DefaultDiscountRate { get; set; } = 0.10m;
    public decimal DefaultLoadedHourlyRate { get; set; } = 40m;
}
