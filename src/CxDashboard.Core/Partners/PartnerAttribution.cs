using CxDashboard.Core.Board;
using CxDashboard.Core.Money;
using CxDashboard.Core.Time;
using CxDashboard.Core.Value;

namespace CxDashboard.Core.Partners;

/// <summary>Whose work an initiative's value comes from, for the value split between partner, AI tooling and internal work.</summary>
public enum WorkKind
{
    /// <summary>A partner's work: a channel or a share of contacts handed to an outsourcing (BPO) partner.</summary>
    Partner,
    /// <summary>AI tooling: an AI agent that handles contacts itself, or AI assistance for human agents.</summary>
    AiTooling,
    /// <summary>Any other initiative, worked by the organisation itself.</summary>
    Internal,
}

/// <summary>A partner (the in-house contact centre or a BPO) by id and name.</summary>
/// <param name="Id">Its id, as in <see cref="DriverScope.PartnerId"/>.</param>
/// <param name="Name">Its name.</param>
public sealed record PartnerRef(int Id, string Name);

/// <summary>An initiative as the partner comparison needs it: the board's inputs, whose work it is, and each partner's volumes.</summary>
/// <param name="Inputs">The initiative as the board computes it (costs, drivers with their monthly actuals and scopes).</param>
/// <param name="Work">Whose work its value comes from.</param>
/// <param name="PartnerVolumes">
/// Per driver of <see cref="InitiativeInputs.Drivers"/>, in the same order: each partner's volume of the driver's KPI
/// (Σ denominator, Σ weight or Σ value, as <see cref="Kpis.KpiAggregate.Volume"/>) per month over the driver's channel
/// and segment. Read only for drivers scoped to all partners; a missing entry is a volume of 0.
/// </param>
public sealed record PartnerInitiative(
    InitiativeInputs Inputs,
    WorkKind Work,
    IReadOnlyList<IReadOnlyDictionary<(int PartnerId, YearMonth Month), double>> PartnerVolumes);

/// <summary>Everything the partner comparison for one month is computed from.</summary>
/// <param name="Month">The selected month: the to-date figures run to it.</param>
/// <param name="Partners">The partners to compare, in display order.</param>
/// <param name="Initiatives">The initiatives the board counts.</param>
public sealed record PartnerAttributionInputs(
    YearMonth Month,
    IReadOnlyList<PartnerRef> Partners,
    IReadOnlyList<PartnerInitiative> Initiatives);

/// <summary>Value by whose work it comes from.</summary>
/// <param name="Partner">From outsourcing initiatives.</param>
/// <param name="AiTooling">From AI agent and agent-assist initiatives.</param>
/// <param name="Internal">From the organisation's other initiatives.</param>
public sealed record WorkSplit(decimal Partner, decimal AiTooling, decimal Internal)
{
    /// <summary>Nothing yet.</summary>
    public static WorkSplit None { get; } = new(0m, 0m, 0m);

    /// <summary>Partner + AI tooling + internal.</summary>
    public decimal Total => Partner + AiTooling + Internal;

    /// <summary>This split with <paramref name="amount"/> more of <paramref name="work"/>.</summary>
    public WorkSplit Add(WorkKind work, decimal amount) => work switch
    {
        WorkKind.Partner => this with { Partner = Partner + amount },
        WorkKind.AiTooling => this with { AiTooling = AiTooling + amount },
        _ => this with { Internal = Internal + amount },
    };
}

/// <summary>One value driver's part in a partner's value to date.</summary>
/// <param name="Initiative">The driver's initiative.</param>
/// <param name="Driver">The driver.</param>
/// <param name="Work">Whose work its initiative is.</param>
/// <param name="DriverToDate">The driver's whole risk-adjusted value to date, as the board counts it (overlaps counted once).</param>
/// <param name="Attributed">The part of it attributed to the partner.</param>
/// <param name="ScopedToPartner">True when the driver's scope names the partner, so all of it is the partner's.</param>
public sealed record AttributedPart(
    string Initiative, string Driver, WorkKind Work, decimal DriverToDate, decimal Attributed, bool ScopedToPartner)
{
    /// <summary>Attributed ÷ the driver's value to date: its share month by month, weighted by the driver's value.</summary>
    public decimal Share => DriverToDate == 0 ? 0m : Attributed / DriverToDate;
}

/// <summary>One initiative's cost to date and the part of it allocated to a partner.</summary>
/// <param name="Initiative">The initiative.</param>
/// <param name="CostToDate">Its whole risk-adjusted cost to date.</param>
/// <param name="Share">The partner's share of the initiative's value to date, by size, which its cost follows.</param>
/// <param name="Allocated">The part of the cost allocated to the partner.</param>
public sealed record AllocatedCost(string Initiative, decimal CostToDate, decimal Share, decimal Allocated);

/// <summary>One partner's return to date (or, with no partner, what falls to none).</summary>
/// <param name="Partner">The partner; null for the value and cost not attributed to any partner.</param>
/// <param name="ValueToDate">Risk-adjusted value attributed to it from the period start to the month.</param>
/// <param name="ValueThisMonth">The same in the selected month alone.</param>
/// <param name="Split">The value to date by whose work it comes from.</param>
/// <param name="CostToDate">Risk-adjusted cost allocated to it to date.</param>
/// <param name="Value">The value to date with its formula: Σ share × driver value.</param>
/// <param name="Cost">The cost to date with its formula: Σ share × initiative cost.</param>
/// <param name="Rox">ROX = value ÷ cost × 100, not applicable without cost.</param>
/// <param name="Parts">Each driver's part in the value, in input order; drivers it has no part in are left out.</param>
/// <param name="Costs">Each initiative's cost allocated to it, in input order; initiatives it carries none of are left out.</param>
public sealed record PartnerReturn(
    PartnerRef? Partner,
    decimal ValueToDate,
    decimal ValueThisMonth,
    WorkSplit Split,
    decimal CostToDate,
    ExplainedFigure Value,
    ExplainedFigure Cost,
    ExplainedFigure Rox,
    IReadOnlyList<AttributedPart> Parts,
    IReadOnlyList<AllocatedCost> Costs);

/// <summary>Two drivers that claim the same change, with whose work each is: the double-counting guard counted it once.</summary>
/// <param name="Overlap">The overlap as the guard found it.</param>
/// <param name="FirstWork">Whose work the first driver's initiative is.</param>
/// <param name="SecondWork">Whose work the second driver's initiative is.</param>
public sealed record WorkOverlap(DriverOverlap Overlap, WorkKind FirstWork, WorkKind SecondWork);

/// <summary>The partner comparison's money: each partner's value, cost and ROX to date, and what falls to none.</summary>
/// <param name="Month">The selected month.</param>
/// <param name="PeriodStart">The first month counted (the board's period start).</param>
/// <param name="Partners">Each partner's return, in input order.</param>
/// <param name="Unattributed">Value and cost on no partner's contacts (KPIs not measured by partner, rows without a partner).</param>
/// <param name="Overlaps">Drivers that claim the same change; each is counted once before it is attributed.</param>
public sealed record PartnerAttribution(
    YearMonth Month,
    YearMonth PeriodStart,
    IReadOnlyList<PartnerReturn> Partners,
    PartnerReturn Unattributed,
    IReadOnlyList<WorkOverlap> Overlaps)
{
    /// <summary>Σ value to date over the partners and what falls to none: the board's gains to date.</summary>
    public decimal TotalValue => Partners.Sum(p => p.ValueToDate) + Unattributed.ValueToDate;

    /// <summary>Σ cost to date over the partners and what falls to none: the board's investment to date.</summary>
    public decimal TotalCost => Partners.Sum(p => p.CostToDate) + Unattributed.CostToDate;
}
