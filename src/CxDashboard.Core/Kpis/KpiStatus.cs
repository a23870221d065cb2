namespace CxDashboard.Core.Kpis;

/// <summary>Where a KPI stands against its baseline and target (FORMULAS.md §5).</summary>
public enum KpiStatus
{
    /// <summary>No actual, or no baseline to compare with.</summary>
    NotApplicable,
    /// <summary>Red: no better than baseline.</summary>
    NotImproved,
    /// <summary>Amber: better than baseline but short of target.</summary>
    Improving,
    /// <summary>Green: target met.</summary>
    TargetMet,
}

/// <summary>A KPI's actual compared with its baseline and target.</summary>
/// <param name="Status">Green, amber, red or not applicable.</param>
/// <param name="Delta">actual − baseline, in the KPI's unit; null when either is missing.</param>
/// <param name="Improvement">The delta signed by direction: positive is better; null when either is missing.</param>
/// <param name="ProgressToTarget">Improvement ÷ (target − baseline signed by direction): 1 means the target is met; null without a target or when target equals baseline.</param>
public sealed record KpiStanding(KpiStatus Status, double? Delta, double? Improvement, double? ProgressToTarget);

/// <summary>Compares a KPI's actual with its baseline and target.</summary>
public static class KpiStandingCalculator
{
    /// <summary>
    /// delta = actual − baseline; improvement = delta signed by direction; green when the target is met,
    /// amber when better than baseline but short of target, red when no better than baseline.
    /// Without a target, any improvement counts as amber. Without an actual or a baseline: not applicable.
    /// </summary>
    public static KpiStanding Evaluate(KpiDirection direction, double? baseline, double? target, double? actual)
    {
        if (actual is not { } a || baseline is not { } b)
            return new KpiStanding(KpiStatus.NotApplicable, null, null, null);

        var sign = direction == KpiDirection.HigherIsBetter ? 1.0 : -1.0;
        var delta = a - b;
        var improvement = sign * delta;
        double? progress = null;
        var targetMet = false;
        if (target is { } t)
        {
            var needed = sign * (t - b);
            if (needed != 0) progress = improvement / needed;
            targetMet = sign * (a - t) >= 0;
        }

        var status = targetMet && improvement >= 0 && target.HasValue ? KpiStatus.TargetMet
            : improvement > 0 ? KpiStatus.Improving
            : KpiStatus.NotImproved;
        return new KpiStanding(status, delta, improvement, progress);
    }
}
