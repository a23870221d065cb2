using CxDashboard.Core.Money;

namespace CxDashboard.Core.Value;

/// <summary>A contact intent in the fix backlog (seed 001): why customers get in touch, and what fixing its cause could be worth.</summary>
/// <param name="Name">The intent ("Billing confusion").</param>
/// <param name="Frequency">Customers with this intent in the period the value is wanted for.</param>
/// <param name="ProbabilityOfChange">Probability, 0..1, that fixing the cause changes their behaviour (they stay, buy, stop calling).</param>
/// <param name="MarginPerCustomer">Margin per customer whose behaviour changes.</param>
public sealed record ContactIntent(string Name, decimal Frequency, decimal ProbabilityOfChange, decimal MarginPerCustomer);

/// <summary>One intent in the ranked backlog.</summary>
/// <param name="Rank">Position in the backlog from 1; null when the intent's expected value is not applicable.</param>
/// <param name="Intent">The intent.</param>
/// <param name="ExpectedValue">Its expected value of a fix.</param>
public sealed record RankedFix(int? Rank, ContactIntent Intent, ExplainedFigure ExpectedValue);

/// <summary>Expected value of fixing the cause of a contact intent, and the backlog ranked by it (FORMULAS.md §2, seed 001).</summary>
public static class ExpectedValueOfFix
{
    /// <summary>
    /// Expected value = frequency × probability that the fix changes behaviour × margin per customer, in money
    /// for the period the frequency counts. There is no denominator; not applicable, with the reason, when the
    /// frequency is negative or the probability is outside 0..1. A negative margin is allowed (the fix would cost margin).
    /// </summary>
    /// <param name="intent">The intent.</param>
    /// <param name="source">Where the intent's figures came from, for lineage.</param>
    public static ExplainedFigure Compute(ContactIntent intent, string source = "contact intent backlog")
    {
        ArgumentNullException.ThrowIfNull(intent);
        var reason = intent.Frequency < 0 ? "The intent's frequency is negative."
            : intent.ProbabilityOfChange < 0 || intent.ProbabilityOfChange > 1 ? "The probability that the fix changes behaviour must be between 0 and 1."
            : null;
        return new ExplainedFigure(
            "Expected value of a fix", reason is null ? intent.Frequency * intent.ProbabilityOfChange * intent.MarginPerCustomer : null,
            FigureUnit.Money,
            "Frequency × probability that the fix changes behaviour × margin per customer",
            "{0} × {1} × {2} = {result}",
            [
                new FigureInput("Frequency", intent.Frequency, FigureUnit.Count, source),
                new FigureInput("Probability the fix changes behaviour", intent.ProbabilityOfChange, FigureUnit.Rate, source),
                new FigureInput("Margin per customer", intent.MarginPerCustomer, FigureUnit.Money, source),
            ],
            reason);
    }

    /// <summary>
    /// The backlog, highest expected value first: fix the top first. Ties are ordered by name (ordinal, ignoring
    /// case, then ordinal), and intents with the same name keep their backlog order, so the ranking is stable.
    /// Ranks are positions 1, 2, 3… (tied intents get consecutive positions). Intents whose expected value is not
    /// applicable come last, by name, with no rank.
    /// </summary>
    /// <param name="backlog">The intents to rank.</param>
    /// <param name="source">Where the intents' figures came from, for lineage.</param>
    public static IReadOnlyList<RankedFix> Rank(IEnumerable<ContactIntent> backlog, string source = "contact intent backlog")
    {
        ArgumentNullException.ThrowIfNull(backlog);
        var scored = backlog.Select(i => (Intent: i, Value: Compute(i, source))).ToList();
        var ranked = scored
            .OrderBy(s => s.Value.Value.HasValue ? 0 : 1)
            .ThenByDescending(s => s.Value.Value ?? 0m)
            .ThenBy(s => s.Intent.Name, StringComparer.OrdinalIgnoreCase)
            .ThenBy(s => s.Intent.Name, StringComparer.Ordinal)
            .ToList();
        var result = new List<RankedFix>(ranked.Count);
        var position = 0;
        foreach (var (intent, value) in ranked)
            result.Add(new RankedFix(value.Value.HasValue ? ++position : null, intent, value));
        return result;
    }
}
