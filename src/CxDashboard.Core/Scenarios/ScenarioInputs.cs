using CxDashboard.Core.CashFlows;
using CxDashboard.Core.Time;
using CxDashboard.Core.Value;

namespace CxDashboard.Core.Scenarios;

/// <summary>The three scenarios of FORMULAS.md §4.</summary>
public enum ScenarioKind
{
    /// <summary>A smaller KPI change than planned.</summary>
    Conservative,
    /// <summary>The planned change: target − baseline.</summary>
    Base,
    /// <summary>A larger KPI change than planned.</summary>
    Optimistic,
}

/// <summary>
/// A driver's KPI change in one scenario: either an explicit delta in the KPI's unit, or a multiple of the base
/// delta (target − baseline). Created only through <see cref="Explicit"/> and <see cref="Times"/>, which reject
/// NaN and infinite numbers.
/// </summary>
public sealed record ScenarioDelta
{
    private ScenarioDelta(double? explicitDelta, double? multiplier)
    {
        ExplicitDelta = explicitDelta;
        Multiplier = multiplier;
    }

    /// <summary>The delta in the KPI's unit (−30 s, +0.02 FCR); null when the scenario is a multiple of the base delta.</summary>
    public double? ExplicitDelta { get; }

    /// <summary>The multiple of the base delta (0.5, 1.5); null when the delta is explicit.</summary>
    public double? Multiplier { get; }

    /// <summary>The base delta itself (a multiplier of 1).</summary>
    public static ScenarioDelta BaseDelta { get; } = new(null, 1.0);

    /// <summary>An explicit KPI delta, signed like the KPI (−30 for 30 s less handle time); throws when not a finite number.</summary>
    public static ScenarioDelta Explicit(double delta) => new(Finite(delta, "An explicit scenario delta"), null);

    /// <summary>A multiple of the base delta; throws when not a finite number.</summary>
    public static ScenarioDelta Times(double multiplier) => new(null, Finite(multiplier, "A scenario multiplier"));

    /// <summary>The delta in the KPI's unit: the explicit delta, or base delta × multiplier.</summary>
    public double Resolve(double baseDelta) => ExplicitDelta ?? baseDelta * Multiplier!.Value;

    private static double Finite(double x, string what) => double.IsFinite(x)
        ? x
        : throw new ArgumentOutOfRangeException(nameof(x), x, what + " must be a finite number, not NaN or infinity.");
}

/// <summary>One value driver of a plan: what it prices, where it starts from, and its KPI change in each scenario.</summary>
/// <param name="Spec">The driver: formula, KPI, factor, risk and parameters.</param>
/// <param name="Baseline">The KPI's baseline value for the driver's scope, in the KPI's unit.</param>
/// <param name="Target">The KPI's target value; the base delta is target − baseline, signed like the KPI.</param>
/// <param name="Conservative">The KPI change in the conservative scenario.</param>
/// <param name="Optimistic">The KPI change in the optimistic scenario.</param>
/// <param name="ProjectedVolume">
/// The volume the driver's formula takes (contacts per month, hires per year, headcount, leads, customers) for the
/// months projected. A KPI's measured volume exists only for months already measured, so a projection needs it
/// given: this value, or else <see cref="DriverParameters.Volume"/> of <paramref name="Spec"/>. Null for both makes a
/// driver that needs a volume not applicable.
/// </param>
/// <param name="RampUpMonths">
/// Months of partial effect before the full change: in month m of the initiative (from 1) the change is
/// delta × m ÷ (ramp-up months + 1) while m ≤ ramp-up months, and the full delta after. 0 (the default) is the full
/// change from the start month.
/// </param>
/// <param name="Scope">The channel, partner and segment it covers, to find drivers that claim the same change; null for all.</param>
public sealed record ScenarioDriver(
    ValueDriverSpec Spec,
    double Baseline,
    double Target,
    ScenarioDelta Conservative,
    ScenarioDelta Optimistic,
    decimal? ProjectedVolume = null,
    int RampUpMonths = 0,
    DriverScope? Scope = null)
{
    /// <summary>The planned KPI change: target − baseline, in the KPI's unit.</summary>
    public double BaseDelta => Target - Baseline;

    /// <summary>The driver's KPI change in <paramref name="scenario"/>; the base scenario is always the base delta.</summary>
    public ScenarioDelta DeltaIn(ScenarioKind scenario) => scenario switch
    {
        ScenarioKind.Conservative => Conservative,
        ScenarioKind.Optimistic => Optimistic,
        _ => ScenarioDelta.BaseDelta,
    };

    /// <summary>The volume used for projected months: <see cref="ProjectedVolume"/>, else the parameters' volume; null when neither is given.</summary>
    public decimal? VolumeForProjection => ProjectedVolume ?? Spec.Parameters.Volume;
}

/// <summary>An initiative as a plan: when it starts, how long it is projected, its drivers and its costs.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Start">Its first month; benefits count from here, month 1 of the initiative.</param>
/// <param name="HorizonMonths">How many months from the start are projected (at least 1).</param>
/// <param name="Drivers">Its value drivers.</param>
/// <param name="Costs">Its cost lines; a cost before the start is counted from its own month.</param>
/// <param name="AnnualDiscountRate">The annual rate NPV discounts at, as a fraction (default 10 %, the TEI convention).</param>
public sealed record InitiativePlan(
    string Name,
    YearMonth Start,
    int HorizonMonths,
    IReadOnlyList<ScenarioDriver> Drivers,
    IReadOnlyList<CostItemSpec> Costs,
    decimal AnnualDiscountRate = 0.10m)
{
    /// <summary>The last month projected: start + horizon − 1.</summary>
    public YearMonth LastMonth => Start.AddMonths(HorizonMonths - 1);
}
