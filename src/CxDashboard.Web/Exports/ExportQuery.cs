using CxDashboard.Core.Time;
using CxDashboard.Data.Exports;

namespace CxDashboard.Web.Exports;

/// <summary>
/// Reads the query of an export address (from, to, kpi, channel, partner, segment; month for the board) into a filter,
/// or says which parameter is wrong, what it was given and what it expects.
/// </summary>
public static class ExportQuery
{
    /// <summary>The parameters of the measurements export.</summary>
    public static IReadOnlyList<string> MeasurementParameters { get; } = ["from", "to", "kpi", "channel", "partner", "segment"];

    /// <summary>Reads the measurements filter; <paramref name="problem"/> says what is wrong when it returns null.</summary>
    public static MeasurementExportFilter? Measurements(IQueryCollection query, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(query);
        problem = UnknownParameter(query, MeasurementParameters);
        if (problem is not null) return null;
        if (!Month(query, "from", out var from, out problem) || !Month(query, "to", out var to, out problem)) return null;
        if (from is { } f && to is { } t && f > t)
        {
            problem = $"from={f} is after to={t}: give the earlier month as from, for example from={t}&to={f}.";
            return null;
        }

        return new MeasurementExportFilter(from, to, Codes(query, "kpi"), Codes(query, "channel"), Codes(query, "partner"), Codes(query, "segment"));
    }

    /// <summary>Reads the board's optional month; <paramref name="problem"/> says what is wrong when it returns false.</summary>
    public static bool BoardMonth(IQueryCollection query, out YearMonth? month, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(query);
        month = null;
        problem = UnknownParameter(query, ["month"]);
        return problem is null && Month(query, "month", out month, out problem);
    }

    /// <summary>A code the filter names that does not exist, in a sentence.</summary>
    public static string Unknown(IReadOnlyList<UnknownCode> unknown)
    {
        ArgumentNullException.ThrowIfNull(unknown);
        return string.Join(" ", unknown.Select(u =>
            $"{u.Dimension}={u.Code}: there is no {Noun(u.Dimension)} with the code \"{u.Code}\"; "
            + (u.Known.Count == 0 ? $"there are no {Noun(u.Dimension)} codes to choose from." : $"use one of {string.Join(", ", u.Known)} (several separated by commas).")));
    }

    /// <summary>The file name for a measurements export: the months it covers, or "all".</summary>
    public static string MeasurementsFileName(MeasurementExportFilter filter, string extension)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var months = (filter.From, filter.To) switch
        {
            ({ } f, { } t) when f == t => f.ToString(),
            ({ } f, { } t) => $"{f}-to-{t}",
            ({ } f, null) => $"from-{f}",
            (null, { } t) => $"to-{t}",
            _ => "all",
        };
        return $"cxdashboard-measurements-{months}.{extension}";
    }

    private static string? UnknownParameter(IQueryCollection query, IReadOnlyList<string> known)
    {
        var unknown = query.Keys.FirstOrDefault(k => !known.Contains(k, StringComparer.Ordinal));
        return unknown is null ? null
            : $"\"{unknown}\" is not a parameter of this export: use {string.Join(", ", known)}"
              + (known.Count > 1 ? " (codes separated by commas, months as YYYY-MM)." : " (as YYYY-MM).");
    }

    private static bool Month(IQueryCollection query, string name, out YearMonth? month, out string? problem)
    {
        month = null;
        problem = null;
        var text = query[name].ToString().Trim();
        if (text.Length == 0) return true;
        if (!YearMonth.TryParse(text, out var parsed))
        {
            problem = $"{name}={text} is not a month: write it as YYYY-MM, for example {name}=2026-10.";
            return false;
        }

        month = parsed;
        return true;
    }

    private static string[] Codes(IQueryCollection query, string name) =>
        query[name].SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToArray();

    private static string Noun(string dimension) => dimension == "kpi" ? "KPI" : dimension;
}
