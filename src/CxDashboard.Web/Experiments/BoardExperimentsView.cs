using CxDashboard.Core.Board;
using CxDashboard.Core.Money;
using CxDashboard.Core.Value;
using CxDashboard.Web.Board;
using CxDashboard.Web.Formatting;

namespace CxDashboard.Web.Experiments;

/// <summary>What the board says about holdout experiments: the money it counts from them, and which it counts only by choice.</summary>
/// <param name="Total">The experiments' money in the board's figures, written ("$904,781"); null when none counts.</param>
/// <param name="Significant">Each significant experiment counted, in a line.</param>
/// <param name="IncludedByChoice">Each experiment counted although not yet significant, because an editor chose to, in a line.</param>
/// <param name="LeftOut">Each experiment not counted, and why, in a line.</param>
public sealed record BoardExperimentsView(
    string? Total,
    IReadOnlyList<string> Significant,
    IReadOnlyList<string> IncludedByChoice,
    IReadOnlyList<string> LeftOut)
{
    /// <summary>Writes the experiments of a computed board; null when it has none.</summary>
    internal static BoardExperimentsView? Write(IReadOnlyList<ExperimentValue>? experiments, FigureFormat format)
    {
        if (experiments is not { Count: > 0 }) return null;
        string Money(decimal v) => format.Format(v, FigureUnit.Money);
        string P(ExperimentValue e) => e.PValue is { } p ? $"p = {format.Format((decimal)p, FigureUnit.Probability)}" : "no p-value";
        string Of(ExperimentValue e) => e.Initiative is { } i ? $"{e.Name} ({i})" : e.Name;
        string Month(ExperimentValue e) => RoxBoardService.MonthLabel(e.Measured, format.Culture);
        string Factor(ExperimentValue e) => e.Factor == ValueFactor.Retention ? "retention" : "revenue growth";

        var counted = experiments.Where(e => e.IsCounted).ToList();
        return new BoardExperimentsView(
            counted.Count == 0 ? null : Money(counted.Sum(e => e.Counted)),
            experiments.Where(e => e.Standing == ExperimentStanding.Significant)
                .Select(e => $"{Of(e)}: {Money(e.Counted)} of {Factor(e)} measured in {Month(e)}, significant ({P(e)})").ToList(),
            experiments.Where(e => e.Standing == ExperimentStanding.IncludedByChoice)
                .Select(e => $"{Of(e)}: {Money(e.Counted)} of {Factor(e)} measured in {Month(e)}, not yet significant ({P(e)})").ToList(),
            experiments.Where(e => !e.IsCounted).Select(e => e.Standing switch
            {
                ExperimentStanding.NotSignificant => $"{Of(e)}: not yet significant ({P(e)}), kept out until it is",
                ExperimentStanding.NotYetMeasured => $"{Of(e)}: its test runs until {Month(e)}, nothing to count yet",
                _ => $"{Of(e)}: its value cannot be computed ({e.Money.NotApplicableReason})",
            }).ToList());
    }
}
