using System.Globalization;
using CxDashboard.Core.Kpis;

namespace CxDashboard.Web.Kpis;

/// <summary>The fields of a measurement a person enters, in the store's units (a rate as a fraction).</summary>
/// <param name="Value">The value; derived from numerator and denominator for ratio KPIs and NPS.</param>
/// <param name="Numerator">The numerator, for ratio KPIs and NPS.</param>
/// <param name="Denominator">The denominator, for ratio KPIs and NPS.</param>
/// <param name="Weight">The weight, for weighted means.</param>
/// <param name="Note">What the person says about it.</param>
public sealed record MeasurementFields(double? Value, double? Numerator, double? Denominator, double? Weight, string? Note);

/// <summary>Which fields a measurement of a KPI is kept with, so that it rolls up exactly (FORMULAS.md §5).</summary>
public enum MeasurementShape
{
    /// <summary>Numerator and denominator; the value is their ratio (FCR, cost per contact).</summary>
    Ratio,
    /// <summary>Promoters − detractors and responses; the value is 100 × their ratio (NPS).</summary>
    NetScore,
    /// <summary>Value and weight (handle time weighted by contacts).</summary>
    WeightedMean,
    /// <summary>A count or amount that adds up (complaints).</summary>
    Sum,
}

/// <summary>
/// The rules a measurement entered by hand must meet: the same as for a row of an import file. A ratio needs its
/// numerator and a positive denominator, and a rate's numerator cannot exceed its denominator; a weighted mean needs
/// its weight; counts, amounts and durations are not negative; a rate lies between 0 and 100 %. Each broken rule is
/// reported on its field with what to enter instead.
/// </summary>
public static class MeasurementRules
{
    /// <summary>The longest note a measurement keeps.</summary>
    public const int MaxNoteLength = 500;

    /// <summary>The field names errors are reported on.</summary>
    public const string ValueField = "Value", NumeratorField = "Numerator", DenominatorField = "Denominator", WeightField = "Weight", NoteField = "Note";

    /// <summary>The shape of <paramref name="kpi"/>'s measurements.</summary>
    public static MeasurementShape ShapeOf(KpiDefinition kpi)
    {
        ArgumentNullException.ThrowIfNull(kpi);
        return kpi.Aggregation switch
        {
            KpiAggregation.Ratio => MeasurementShape.Ratio,
            KpiAggregation.NetScore => MeasurementShape.NetScore,
            KpiAggregation.WeightedMean => MeasurementShape.WeightedMean,
            _ => MeasurementShape.Sum,
        };
    }

    /// <summary>
    /// Checks <paramref name="fields"/> for <paramref name="kpi"/>. Returns the fields as they are to be stored (the value
    /// derived where the shape says so, fields the shape does not use emptied, the note trimmed) and the errors by field.
    /// </summary>
    public static (MeasurementFields Stored, IReadOnlyDictionary<string, string> Errors) Check(KpiDefinition kpi, MeasurementFields fields)
    {
        ArgumentNullException.ThrowIfNull(kpi);
        ArgumentNullException.ThrowIfNull(fields);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var note = string.IsNullOrWhiteSpace(fields.Note) ? null : fields.Note.Trim();
        if (note is { Length: > MaxNoteLength })
            errors[NoteField] = string.Create(CultureInfo.InvariantCulture, $"The note is {note.Length} characters long: shorten it to {MaxNoteLength} at most.");

        var numeratorLabel = kpi.NumeratorLabel;
        var denominatorLabel = kpi.DenominatorLabel ?? "Weight";
        MeasurementFields stored;
        switch (ShapeOf(kpi))
        {
            case MeasurementShape.Ratio:
            case MeasurementShape.NetScore:
                var netScore = kpi.Aggregation == KpiAggregation.NetScore;
                if (Finite(fields.Numerator, numeratorLabel, NumeratorField, errors) is { } n && !netScore && n < 0)
                    errors[NumeratorField] = $"{numeratorLabel} cannot be negative: enter 0 or more.";
                if (Finite(fields.Denominator, denominatorLabel, DenominatorField, errors) is { } d && d <= 0)
                    errors[DenominatorField] = $"{denominatorLabel} must be more than 0: a ratio needs something to divide by.";
                if (!errors.ContainsKey(NumeratorField) && !errors.ContainsKey(DenominatorField))
                {
                    var (num, den) = (fields.Numerator!.Value, fields.Denominator!.Value);
                    if (netScore && Math.Abs(num) > den)
                        errors[NumeratorField] = $"{numeratorLabel} cannot be more than {denominatorLabel.ToLowerInvariant()} either way: the score lies between −100 and 100.";
                    else if (kpi.Unit == KpiUnit.Rate && num > den)
                        errors[NumeratorField] = $"{numeratorLabel} cannot be more than {denominatorLabel.ToLowerInvariant()}: a rate is at most 100 %.";
                }

                stored = new MeasurementFields(
                    errors.ContainsKey(NumeratorField) || errors.ContainsKey(DenominatorField) ? null
                        : (netScore ? 100 : 1) * fields.Numerator!.Value / fields.Denominator!.Value,
                    fields.Numerator, fields.Denominator, null, note);
                break;
            case MeasurementShape.WeightedMean:
                CheckValue(kpi, fields.Value, errors);
                if (Finite(fields.Weight, denominatorLabel, WeightField, errors) is < 0)
                    errors[WeightField] = $"{denominatorLabel} cannot be negative: enter how many the value stands for, 0 or more.";
                stored = new MeasurementFields(fields.Value, null, null, fields.Weight, note);
                break;
            default:
                CheckValue(kpi, fields.Value, errors);
                if (kpi.Unit == KpiUnit.Count && fields.Value is { } count && double.IsFinite(count) && count != Math.Floor(count) && !errors.ContainsKey(ValueField))
                    errors[ValueField] = "A count is a whole number: enter it without decimals.";
                stored = new MeasurementFields(fields.Value, null, null, null, note);
                break;
        }

        return (stored, errors);
    }

    /// <summary>A value in the KPI's unit: finite, not negative for amounts, counts and durations, within 0..100 % for rates.</summary>
    internal static void CheckValue(KpiDefinition kpi, double? value, Dictionary<string, string> errors, string field = ValueField, string label = "The value")
    {
        if (Finite(value, label, field, errors) is not { } v) return;
        if (kpi.Unit == KpiUnit.Rate && v is < 0 or > 1)
            errors[field] = $"{label} is a rate: enter a percentage from 0 to 100.";
        else if (kpi.Unit is KpiUnit.Money or KpiUnit.Count or KpiUnit.Seconds or KpiUnit.Weeks && v < 0)
            errors[field] = $"{label} cannot be negative for {kpi.Name.ToLowerInvariant()}: enter 0 or more.";
    }

    private static double? Finite(double? value, string label, string field, Dictionary<string, string> errors)
    {
        if (value is not { } v)
        {
            errors[field] = $"{label} is missing: enter a number.";
            return null;
        }

        if (!double.IsFinite(v))
        {
            errors[field] = $"{label} is not a number that can be stored: enter a finite number.";
            return null;
        }

        return v;
    }
}
