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

/// <summary>What kind of initiative it is: its what-if template and how its value is split between partner, AI tooling and internal work.</summary>
public enum InitiativeType
{
    /// <summary>Any other CX initiative, worked by the organisation itself.</summary>
    Other,
    /// <summary>An AI agent (virtual agent, chatbot) that handles contacts itself.</summary>
    AiAgent,
    /// <summary>AI assistance for human agents (suggested answers, summaries).</summary>
    AgentAssist,
    /// <summary>A channel or a share of contacts handed to an outsourcing (BPO) partner.</summary>
    ChannelOutsourcing,
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
    public InitiativeType Type { get; set; } = InitiativeType.Other;
    /// <summary>When it was archived: kept with its history but off the lists and the board; null while in use.</summary>
    public DateTime? ArchivedUtc { get; set; }

    public List<CostItem> CostItems { get; set; } = [];
    public List<Baseline> Baselines { get; set; } = [];
    public List<ValueDriver> ValueDrivers { get; set; } = [];
    public List<GateDecision> GateDecisions { get; set; } = [];
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

    /// <summary>The conservative scenario's KPI change in the KPI's unit; null to use <see cref="ConservativeMultiplier"/>.</summary>
    public double? ConservativeDelta { get; set; }
    /// <summary>The conservative scenario as a multiple of the base delta (target − baseline), when no explicit delta is set.</summary>
    public double ConservativeMultiplier { get; set; } = 0.5;
    /// <summary>The optimistic scenario's KPI change in the KPI's unit; null to use <see cref="OptimisticMultiplier"/>.</summary>
    public double? OptimisticDelta { get; set; }
    /// <summary>The optimistic scenario as a multiple of the base delta, when no explicit delta is set.</summary>
    public double OptimisticMultiplier { get; set; } = 1.5;
    /// <summary>The volume projected months take (contacts per month, customers…); null to use <see cref="Volume"/>.</summary>
    public decimal? ProjectedVolume { get; set; }
    /// <summary>Months of partial effect before the full change.</summary>
    public int RampUpMonths { get; set; }

    public Baseline? Baseline { get; set; }

    /// <summary>The parameters as Core reads them.</summary>
    public DriverParameters Parameters => new(UnitValue, SecondaryUnitValue, Margin, Volume, PerPoint);
}

/// <summary>What a steering group decided at a review gate.</summary>
public enum GateOutcome
{
    /// <summary>Keep funding as planned.</summary>
    Continue,
    /// <summary>Keep funding with changes to scope, plan or targets.</summary>
    Adjust,
    /// <summary>Stop the initiative.</summary>
    Stop,
}

/// <summary>A steering group's decision at one of an initiative's review gates (FORMULAS.md §7), with who took it and why.</summary>
public class GateDecision : IVersioned
{
    public int Id { get; set; }
    /// <inheritdoc />
    public uint Version { get; set; }
    public int InitiativeId { get; set; }
    public CxDashboard.Core.Gates.ReviewGateKind Gate { get; set; }
    public GateOutcome Outcome { get; set; }
    public required string Note { get; set; }
    /// <summary>Who recorded the decision (the signed-in user).</summary>
    public required string DecidedBy { get; set; }
    public DateTime DecidedUtc { get; set; }
}

/// <summary>
/// A holdout experiment (FORMULAS.md §6): a test group that got the change and a control group that did not, and how
/// many in each reached the outcome (retained, converted).
/// </summary>
public class Experiment : IVersioned
{
    public int Id { get; set; }
    /// <inheritdoc />
    public uint Version { get; set; }
    public required string Name { get; set; }
    public required string Hypothesis { get; set; }
    /// <summary>The KPI the outcome is a share of (retention, conversion).</summary>
    public int KpiId { get; set; }
    /// <summary>The initiative whose value the experiment measures; null for one on its own.</summary>
    public int? InitiativeId { get; set; }
    /// <summary>The partner whose customers were tested; null for the organisation's.</summary>
    public int? PartnerId { get; set; }
    /// <summary>First and last month of the test window (year × 100 + month).</summary>
    public int WindowStart { get; set; }
    public int WindowEnd { get; set; }
    public long TestCustomers { get; set; }
    public long TestSuccesses { get; set; }
    public long ControlCustomers { get; set; }
    public long ControlSuccesses { get; set; }
    /// <summary>Customers the result applies to once rolled out.</summary>
    public long EligiblePopulation { get; set; }
    /// <summary>Money one more success is worth (a retained customer's margin, an order's margin).</summary>
    public decimal ValuePerUnit { get; set; }
    /// <summary>The share of customers planned for the test group (0.5 for an even split).</summary>
    public double PlannedTestShare { get; set; } = 0.5;
    /// <summary>The smallest lift the test was planned to detect, as a fraction (0.012 for 1.2 pp); null when none was planned.</summary>
    public double? PlannedMde { get; set; }
    /// <summary>Counted in ROX even while not significant: a deliberate choice the board then states.</summary>
    public bool IncludeInRox { get; set; }

    public Kpi? Kpi { get; set; }
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
