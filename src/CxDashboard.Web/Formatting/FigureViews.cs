using CxDashboard.Core.Money;
using CxDashboard.Web.Board;

namespace CxDashboard.Web.Formatting;

/// <summary>Writes Core's explained figures as the <see cref="FigureView"/> that <c>FormulaExplanation</c> shows.</summary>
public static class FigureViews
{
    /// <summary>The figure written in <paramref name="format"/>, with its formula, the formula with the numbers, and its inputs' sources.</summary>
    public static FigureView Write(this FigureFormat format, string key, ExplainedFigure figure, string caption, FigureTone tone = FigureTone.Neutral)
    {
        ArgumentNullException.ThrowIfNull(format);
        ArgumentNullException.ThrowIfNull(figure);
        return new FigureView(
            key,
            figure.Name,
            figure.Value is { } v ? format.Format(v, figure.Unit) : "n/a",
            caption,
            figure.Formula,
            format.Substitute(figure),
            figure.Inputs.Select(i => new FigureInputView(i.Label, format.Format(i.Value, i.Unit), i.Source)).ToList(),
            figure.NotApplicableReason,
            tone);
    }
}
