namespace CxDashboard.Core.Money;

/// <summary>How a figure is shown.</summary>
public enum FigureUnit
{
    /// <summary>Money in the organisation's currency.</summary>
    Money,
    /// <summary>A percentage already multiplied by 100 (ROX 250 means 250 %).</summary>
    Percent,
    /// <summary>A multiple (2.5×).</summary>
    Multiple,
    /// <summary>A fraction 0..1 shown as a percentage.</summary>
    Rate,
    /// <summary>Seconds.</summary>
    Seconds,
    /// <summary>A score on its own scale.</summary>
    Score,
    /// <summary>A count.</summary>
    Count,
    /// <summary>Weeks.</summary>
    Weeks,
    /// <summary>Months.</summary>
    Months,
    /// <summary>A probability 0..1 written as a decimal (a p-value of 0.0013), not as a percentage.</summary>
    Probability,
    /// <summary>A test statistic or a quantile of a distribution (z = 3.833), written with three decimals.</summary>
    Statistic,
}

/// <summary>One input of a figure: what it is, its value and where it came from.</summary>
/// <param name="Label">What the input is ("CX investment").</param>
/// <param name="Value">Its value.</param>
/// <param name="Unit">How to show it.</param>
/// <param name="Source">Where it came from ("cost items of 3 initiatives, 2025-01 to 2026-10").</param>
public sealed record FigureInput(string Label, decimal Value, FigureUnit Unit, string Source);

/// <summary>
/// A figure that explains itself: its value, the formula in words, and a template of the formula into
/// which the actual numbers go. The numbers are kept as values so that the UI writes them in the
/// reader's culture; Core writes no number itself.
/// </summary>
/// <param name="Name">The figure's name ("ROX").</param>
/// <param name="Value">Its value; null when not applicable (see <see cref="NotApplicableReason"/>).</param>
/// <param name="Unit">How to show it.</param>
/// <param name="Formula">The formula in words ("monetized experience gains ÷ CX investment × 100").</param>
/// <param name="Template">The formula with {0}, {1}… for <see cref="Inputs"/> and {result} for the value.</param>
/// <param name="Inputs">The inputs, in template order.</param>
/// <param name="NotApplicableReason">Why there is no value ("no CX investment yet"); null when there is one.</param>
public sealed record ExplainedFigure(
    string Name,
    decimal? Value,
    FigureUnit Unit,
    string Formula,
    string Template,
    IReadOnlyList<FigureInput> Inputs,
    string? NotApplicableReason = null);
