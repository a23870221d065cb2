using System.Globalization;
using CxDashboard.Core.Kpis;

namespace CxDashboard.Data.Imports;

/// <summary>
/// Checks one row against the store's codes and the KPI's rules (FORMULAS.md §5: ratios keep numerator and
/// denominator, weighted means their weight, sums a value alone) and turns it into a <see cref="StagedRow"/>.
/// Every problem of the row is reported, each with what was found and how to fix it.
/// </summary>
internal sealed class RowChecker(ImportCodes codes, int currentMonth, int? partnerScope)
{
    /// <summary>The earliest month the dashboard keeps.</summary>
    public const int EarliestMonth = 2000_01;

    /// <summary>The longest note kept (the store's column).</summary>
    public const int NoteLimit = 500;

    /// <summary>How many codes a problem lists before pointing to the template's codes sheet instead.</summary>
    private const int CodesListed = 25;

    /// <summary>How close a given value must be to numerator ÷ denominator, relative to the larger of the two.</summary>
    private const double RelativeTolerance = 1e-6;

    private readonly string? _scopeCode = partnerScope is { } id ? codes.Partners.Find(id)?.Code ?? id.ToString(CultureInfo.InvariantCulture) : null;

    /// <summary>Checks <paramref name="row"/>; true with the row to store when it has no problem.</summary>
    public bool Check(int line, scoped in RawRow row, ProblemList problems, out StagedRow staged)
    {
        staged = default;
        var ok = true;
        var month = Month(line, row.Month, problems, ref ok);
        var kpi = Kpi(line, row.Kpi, problems, ref ok);
        var channel = Dimension(line, MeasurementColumns.Channel, "channel", row.Channel, codes.Channels, problems, ref ok);
        var partner = Dimension(line, MeasurementColumns.Partner, "partner", row.Partner, codes.Partners, problems, ref ok);
        var segment = Dimension(line, MeasurementColumns.Segment, "segment", row.Segment, codes.Segments, problems, ref ok);
        var value = Number(line, MeasurementColumns.Value, row.Value, problems, ref ok);
        var numerator = Number(line, MeasurementColumns.Numerator, row.Numerator, problems, ref ok);
        var denominator = Number(line, MeasurementColumns.Denominator, row.Denominator, problems, ref ok);
        var weight = Number(line, MeasurementColumns.Weight, row.Weight, problems, ref ok);
        var note = Note(line, row.Note, problems, ref ok);

        if (kpi is not null)
        {
            Grain(line, kpi, row, channel, partner, segment, problems, ref ok);
            if (partnerScope is not null) Scope(line, kpi, row, partner, problems, ref ok);
            if (ok) value = Rules(line, kpi, row, value, numerator, denominator, weight, problems, ref ok);
        }
        else if (partnerScope is not null && partner > 0)
        {
            Scope(line, null, row, partner, problems, ref ok);
        }

        if (!ok) return false;
        staged = new StagedRow
        {
            Line = line,
            Month = month,
            KpiId = kpi!.Id,
            ChannelId = channel,
            PartnerId = partner,
            SegmentId = segment,
            Value = value,
            Numerator = numerator,
            Denominator = denominator,
            Weight = weight,
            Note = note,
        };
        return true;
    }

    private int Month(int line, in Cell cell, ProblemList problems, ref bool ok)
    {
        const string column = MeasurementColumns.Month;
        int month;
        switch (cell.Kind)
        {
            case CellKind.Empty:
                problems.Add(line, column, null, "The month is missing.", "Write the month as YYYY-MM, for example 2026-03.");
                ok = false;
                return 0;
            case CellKind.Number:
                problems.Add(line, column, cell.Shown(), "The month is a number, not a month in the form YYYY-MM.",
                    "Format the month column as text and write the month as YYYY-MM, for example 2026-03.");
                ok = false;
                return 0;
            case CellKind.Date:
                month = cell.Date.Year * 100 + cell.Date.Month;
                break;
            default:
                var text = cell.Text.Trim();
                if (!TryMonth(text, out month))
                {
                    MonthFormatProblem(line, text, problems);
                    ok = false;
                    return 0;
                }

                break;
        }

        var shown = Format(month);
        if (month < EarliestMonth)
        {
            problems.Add(line, column, shown, $"{shown} is before 2000-01, the earliest month the dashboard keeps.", "Check the year: write the month as YYYY-MM.");
            ok = false;
        }
        else if (month > currentMonth)
        {
            problems.Add(line, column, shown, $"{shown} is in the future (the current month is {Format(currentMonth)}).",
                "Measurements are for months that have begun: check the year and the month.");
            ok = false;
        }

        return month;
    }

    /// <summary>Parses exactly YYYY-MM with a month from 01 to 12.</summary>
    public static bool TryMonth(ReadOnlySpan<char> text, out int month)
    {
        month = 0;
        if (text.Length != 7 || text[4] != '-') return false;
        if (!int.TryParse(text[..4], NumberStyles.None, CultureInfo.InvariantCulture, out var year)) return false;
        if (!int.TryParse(text[5..], NumberStyles.None, CultureInfo.InvariantCulture, out var m) || m is < 1 or > 12) return false;
        month = year * 100 + m;
        return true;
    }

    private static void MonthFormatProblem(int line, ReadOnlySpan<char> text, ProblemList problems)
    {
        const string column = MeasurementColumns.Month;
        var shown = text.ToString();
        const string fix = "Write the month as YYYY-MM: a four-digit year, a dash and a two-digit month, for example 2026-03.";
        if (text.Length == 7 && text[4] == '-' && int.TryParse(text[5..], NumberStyles.None, CultureInfo.InvariantCulture, out var m))
        {
            problems.Add(line, column, shown, $"\"{shown}\" has month {m.ToString(CultureInfo.InvariantCulture)}; months run from 01 to 12.", fix);
        }
        else if (text.IndexOfAny('/', '.') >= 0)
        {
            problems.Add(line, column, shown, $"\"{shown}\" separates year and month with \"{text[text.IndexOfAny('/', '.')]}\" instead of a dash.", fix);
        }
        else if (text.IndexOf('-') is 2 && text.Length <= 5)
        {
            problems.Add(line, column, shown, $"\"{shown}\" has a two-digit year.", fix);
        }
        else
        {
            problems.Add(line, column, shown, $"\"{shown}\" is not a month in the form YYYY-MM.", fix);
        }
    }

    private KpiCode? Kpi(int line, in Cell cell, ProblemList problems, ref bool ok)
    {
        const string column = MeasurementColumns.Kpi;
        if (cell.IsEmpty)
        {
            problems.Add(line, column, null, "The KPI code is missing.", $"Write the KPI's code: {Choices(codes.Kpis.Codes)}");
            ok = false;
            return null;
        }

        var kpi = cell.Kind == CellKind.Text ? codes.Kpis.Find(cell.Text) : codes.Kpis.Find(cell.Shown());
        if (kpi is not null) return kpi;
        var shown = cell.Shown();
        problems.Add(line, column, shown, $"\"{shown}\" is not a KPI code of this organisation.", $"Use the KPI's code: {Choices(codes.Kpis.Codes)}");
        ok = false;
        return null;
    }

    private static int Dimension(int line, string column, string what, in Cell cell, CodeTable<DimensionCode> table, ProblemList problems, ref bool ok)
    {
        if (cell.IsEmpty) return 0;
        var found = cell.Kind == CellKind.Text ? table.Find(cell.Text) : table.Find(cell.Shown());
        if (found is not null) return found.Id;
        var shown = cell.Shown();
        var fix = table.Codes.Count == 0
            ? $"This organisation has no {what}s yet: leave the {what} blank, or add the {what} on the settings page first."
            : $"Use the {what}'s code, or leave it blank when the figure is not per {what}: {Choices(table.Codes)}";
        problems.Add(line, column, shown, $"\"{shown}\" is not a {what} code of this organisation.", fix);
        ok = false;
        return -1;
    }

    private static double Number(int line, string column, in Cell cell, ProblemList problems, ref bool ok)
    {
        switch (cell.Kind)
        {
            case CellKind.Empty:
                return double.NaN;
            case CellKind.Number when double.IsFinite(cell.Number):
                return cell.Number;
            case CellKind.Date:
                problems.Add(line, column, cell.Shown(), "The cell holds a date, not a number.", "Format the column as a number (General) and write the figure.");
                ok = false;
                return double.NaN;
            case CellKind.Text when double.TryParse(cell.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && double.IsFinite(parsed):
                return parsed;
        }

        NumberProblem(line, column, cell, problems);
        ok = false;
        return double.NaN;
    }

    private static void NumberProblem(int line, string column, in Cell cell, ProblemList problems)
    {
        var shown = cell.Shown();
        var text = cell.Kind == CellKind.Text ? cell.Text.Trim() : [];
        if (cell.Kind == CellKind.Number || double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            problems.Add(line, column, shown, $"\"{shown}\" is not a finite number.", "Write the actual figure, or leave the cell blank where the column may be blank.");
        }
        else if (text.Contains(',') && !text.Contains('.') && text.Count(',') == 1)
        {
            var dotted = text.ToString().Replace(',', '.');
            problems.Add(line, column, shown, $"\"{shown}\" uses a comma as the decimal mark.",
                $"Write {dotted}: numbers use a dot for decimals and no thousands separator. If {shown} meant thousands, write it without the comma.");
        }
        else if (text.Contains(','))
        {
            var plain = text.ToString().Replace(",", "", StringComparison.Ordinal);
            problems.Add(line, column, shown, $"\"{shown}\" has a thousands separator.", $"Write {plain}: numbers have no thousands separator and use a dot for decimals.");
        }
        else if (text.EndsWith('%'))
        {
            problems.Add(line, column, shown, $"\"{shown}\" has a percent sign.", "Write rates as fractions, without the sign: 0.13 for 13%.");
        }
        else
        {
            problems.Add(line, column, shown, $"\"{shown}\" is not a number.",
                "Write a plain number with a dot for decimals, such as 1234.5 (no currency sign, unit, percent sign or thousands separator).");
        }
    }

    private static string? Note(int line, in Cell cell, ProblemList problems, ref bool ok)
    {
        if (cell.IsEmpty) return null;
        var note = cell.Kind == CellKind.Text ? cell.Text.ToString() : cell.Shown()!;
        if (note.Length <= NoteLimit) return note;
        problems.Add(line, MeasurementColumns.Note, note, $"The note is {note.Length.ToString("N0", CultureInfo.InvariantCulture)} characters long; at most {NoteLimit} are kept.",
            $"Shorten the note to {NoteLimit} characters.");
        ok = false;
        return null;
    }

    /// <summary>A dimension the KPI's grain does not carry must be blank (churn has no channel).</summary>
    private static void Grain(int line, KpiCode kpi, scoped in RawRow row, int channel, int partner, int segment, ProblemList problems, ref bool ok)
    {
        var (carriesChannel, carriesPartner, carriesSegment, grain) = kpi.Grain switch
        {
            KpiGrain.Customer => (false, false, true, "per customer segment, with no channel or partner"),
            KpiGrain.Workforce => (true, true, false, "per channel and partner (the agents), with no customer segment"),
            _ => (true, true, true, "per contact"),
        };
        if (!carriesChannel && channel != 0) NotCarried(MeasurementColumns.Channel, row.Channel, ref ok);
        if (!carriesPartner && partner != 0) NotCarried(MeasurementColumns.Partner, row.Partner, ref ok);
        if (!carriesSegment && segment != 0) NotCarried(MeasurementColumns.Segment, row.Segment, ref ok);

        void NotCarried(string column, in Cell cell, ref bool ok)
        {
            problems.Add(line, column, cell.Shown(), $"{kpi.Code} is measured {grain}, so it has no {column}.", $"Leave the {column} blank for {kpi.Code}.");
            ok = false;
        }
    }

    /// <summary>A partner user loads their own partner's rows only.</summary>
    private void Scope(int line, KpiCode? kpi, scoped in RawRow row, int partner, ProblemList problems, ref bool ok)
    {
        if (kpi is { Grain: KpiGrain.Customer })
        {
            problems.Add(line, MeasurementColumns.Kpi, kpi.Code, $"{kpi.Code} is an organisation figure (it has no partner), and you may load rows for partner {_scopeCode} only.",
                "Remove the row, or ask an organisation user to load it.");
            ok = false;
        }
        else if (partner == 0)
        {
            problems.Add(line, MeasurementColumns.Partner, null, $"The row has no partner, so it is an organisation figure; you may load rows for partner {_scopeCode} only.",
                $"Write {_scopeCode} in the partner column, or ask an organisation user to load organisation figures.");
            ok = false;
        }
        else if (partner > 0 && partner != partnerScope)
        {
            var code = codes.Partners.Find(partner)?.Code;
            problems.Add(line, MeasurementColumns.Partner, row.Partner.Shown(), $"The row is for partner {code}; you may load rows for partner {_scopeCode} only.",
                "Remove the rows of other partners, or ask an organisation user to load them.");
            ok = false;
        }
    }

    /// <summary>The KPI's aggregation and unit rules; returns the value to store (computed for ratios left blank).</summary>
    private static double Rules(int line, KpiCode kpi, scoped in RawRow row, double value, double numerator, double denominator, double weight, ProblemList problems, ref bool ok)
    {
        var given = !double.IsNaN(value);
        switch (kpi.Aggregation)
        {
            case KpiAggregation.Ratio or KpiAggregation.NetScore:
                MustBeBlank(MeasurementColumns.Weight, row.Weight, "its figure comes from numerator and denominator", ref ok);
                if (double.IsNaN(numerator)) Missing(MeasurementColumns.Numerator, $"the {kpi.Code} numerator", ref ok);
                if (double.IsNaN(denominator)) Missing(MeasurementColumns.Denominator, $"the {kpi.Code} denominator", ref ok);
                if (double.IsNaN(numerator) || double.IsNaN(denominator)) return value;
                if (denominator <= 0)
                {
                    Add(MeasurementColumns.Denominator, row.Denominator, $"The denominator is {Show(denominator)}; it must be greater than 0.",
                        "Write the count the figure is divided by (contacts, responses, customers); leave the row out for a month with none.", ref ok);
                    return value;
                }

                double computed;
                if (kpi.Aggregation == KpiAggregation.NetScore)
                {
                    if (Math.Abs(numerator) > denominator)
                        Add(MeasurementColumns.Numerator, row.Numerator, $"The numerator (promoters − detractors) {Show(numerator)} is larger than the {Show(denominator)} responses.",
                            "The numerator is promoters minus detractors, so it lies between −responses and +responses: check both figures.", ref ok);
                    computed = 100 * numerator / denominator;
                }
                else
                {
                    if (numerator < 0)
                        Add(MeasurementColumns.Numerator, row.Numerator, $"The numerator is negative ({Show(numerator)}).", $"Write the {kpi.Code} numerator as 0 or more.", ref ok);
                    else if (kpi.Unit == KpiUnit.Rate && numerator > denominator)
                        Add(MeasurementColumns.Numerator, row.Numerator, $"The numerator {Show(numerator)} is greater than the denominator {Show(denominator)}, but {kpi.Code} is a rate (at most 1).",
                            "Check both figures: the numerator counts part of what the denominator counts.", ref ok);
                    computed = numerator / denominator;
                }

                if (!ok) return value;
                if (given && !Close(value, computed))
                {
                    Add(MeasurementColumns.Value, row.Value, $"The value {Show(value)} is not numerator ÷ denominator{(kpi.Aggregation == KpiAggregation.NetScore ? " × 100" : "")} = {Show(computed)} ({Show(numerator)} ÷ {Show(denominator)}).",
                        "Leave the value blank to have it computed from numerator and denominator, or correct the figures.", ref ok);
                    return value;
                }

                return computed;

            case KpiAggregation.WeightedMean:
                MustBeBlank(MeasurementColumns.Numerator, row.Numerator, "it is kept as a value and a weight", ref ok);
                MustBeBlank(MeasurementColumns.Denominator, row.Denominator, "it is kept as a value and a weight", ref ok);
                if (!given) Missing(MeasurementColumns.Value, $"the {kpi.Code} value", ref ok);
                if (double.IsNaN(weight))
                    Missing(MeasurementColumns.Weight, "the weight (how many contacts, responses, customers or agents the value averages over)", ref ok);
                else if (weight <= 0)
                    Add(MeasurementColumns.Weight, row.Weight, $"The weight is {Show(weight)}; it must be greater than 0.",
                        "Write how many contacts, responses, customers or agents the value averages over; leave the row out for a month with none.", ref ok);
                if (given) Range(kpi, value, row.Value, ref ok);
                return value;

            default:
                const string why = "it is a count kept as a value alone";
                MustBeBlank(MeasurementColumns.Numerator, row.Numerator, why, ref ok);
                MustBeBlank(MeasurementColumns.Denominator, row.Denominator, why, ref ok);
                MustBeBlank(MeasurementColumns.Weight, row.Weight, why, ref ok);
                if (!given) Missing(MeasurementColumns.Value, $"the {kpi.Code} value", ref ok);
                else Range(kpi, value, row.Value, ref ok);
                return value;
        }

        void Add(string column, in Cell cell, string reason, string fix, ref bool ok)
        {
            problems.Add(line, column, cell.Shown(), reason, fix);
            ok = false;
        }

        void Missing(string column, string what, ref bool ok)
        {
            problems.Add(line, column, null, $"{kpi.Code} needs {what}, and the cell is blank.", $"Write {what} in the {column} column.");
            ok = false;
        }

        void MustBeBlank(string column, in Cell cell, string reason, ref bool ok)
        {
            if (cell.IsEmpty) return;
            problems.Add(line, column, cell.Shown(), $"{kpi.Code} has no {column}: {reason}.", $"Leave the {column} blank for {kpi.Code}.");
            ok = false;
        }

        void Range(KpiCode kpi, double v, in Cell cell, ref bool ok)
        {
            var column = MeasurementColumns.Value;
            switch (kpi.Unit)
            {
                case KpiUnit.Rate when v > 1:
                    Add(column, cell, $"{Show(v)} is over 1, but {kpi.Code} is a rate, kept as a fraction from 0 to 1.",
                        $"Rates are fractions: write 0.13 for 13% (so {Show(v)}% is {Show(v / 100)}).", ref ok);
                    break;
                case KpiUnit.Rate when v < 0:
                    Add(column, cell, $"{Show(v)} is negative, but {kpi.Code} is a rate, from 0 to 1.", "Write the rate as a fraction from 0 to 1: 0.13 for 13%.", ref ok);
                    break;
                case KpiUnit.Count when v < 0 || Math.Floor(v) != v:
                    Add(column, cell, $"{Show(v)} is not a whole number of 0 or more, but {kpi.Code} is a count.", "Write the count as a whole number, 0 or more.", ref ok);
                    break;
                case KpiUnit.Money or KpiUnit.Seconds or KpiUnit.Weeks when v < 0:
                    var unit = kpi.Unit switch { KpiUnit.Money => "an amount of money", KpiUnit.Seconds => "a duration in seconds", _ => "a duration in weeks" };
                    Add(column, cell, $"{Show(v)} is negative, but {kpi.Code} is {unit}.", "Write 0 or more.", ref ok);
                    break;
                case KpiUnit.Score when kpi.Aggregation == KpiAggregation.NetScore && v is < -100 or > 100:
                    Add(column, cell, $"{Show(v)} is outside −100..100, the range of a net score.", "Check the figure: a net score is % promoters − % detractors.", ref ok);
                    break;
            }
        }
    }

    private static bool Close(double given, double computed) =>
        Math.Abs(given - computed) <= RelativeTolerance * Math.Max(Math.Abs(given), Math.Abs(computed)) || given == computed;

    private static string Choices(IReadOnlyList<string> all) =>
        all.Count <= CodesListed
            ? string.Join(", ", all) + "."
            : $"{string.Join(", ", all.Take(CodesListed))} and {(all.Count - CodesListed).ToString(CultureInfo.InvariantCulture)} more (the template's codes sheet lists them all).";

    private static string Show(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    public static string Format(int month) =>
        string.Create(CultureInfo.InvariantCulture, $"{month / 100:D4}-{month % 100:D2}");
}
