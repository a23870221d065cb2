using System.Globalization;
using System.Text;
using CxDashboard.Core.Kpis;
using MiniExcelLibs;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Data.Imports;

/// <summary>A channel, partner or segment as the template lists it.</summary>
public sealed record TemplateDimension(string Code, string Name);

/// <summary>What the template is made from: the store's KPIs and dimensions, and the month its example rows are for.</summary>
/// <param name="Kpis">Every KPI, in board order.</param>
/// <param name="Channels">Every channel.</param>
/// <param name="Partners">Every partner the user may load rows for.</param>
/// <param name="Segments">Every segment.</param>
/// <param name="ExampleMonth">The month the example rows are for, "YYYY-MM" (the last complete month).</param>
/// <param name="ForOnePartner">True for a partner user, who loads their own partner's rows only (no organisation-wide KPIs in the examples).</param>
public sealed record TemplateCodes(
    IReadOnlyList<KpiDefinition> Kpis,
    IReadOnlyList<TemplateDimension> Channels,
    IReadOnlyList<TemplateDimension> Partners,
    IReadOnlyList<TemplateDimension> Segments,
    string ExampleMonth,
    bool ForOnePartner = false)
{
    /// <summary>Reads the codes through a context of the current actor (a partner user gets their own partner only).</summary>
    public static async Task<TemplateCodes> LoadAsync(IDbContextFactory<CxDbContext> contexts, TimeProvider time, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(contexts);
        ArgumentNullException.ThrowIfNull(time);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var kpis = await db.Kpis.AsNoTracking().OrderBy(k => k.SortOrder).ToListAsync(cancellationToken);
        var channels = await db.Channels.AsNoTracking().OrderBy(c => c.SortOrder).Select(c => new TemplateDimension(c.Code, c.Name)).ToListAsync(cancellationToken);
        var partners = await db.Partners.AsNoTracking().OrderBy(p => p.SortOrder).Select(p => new TemplateDimension(p.Code, p.Name)).ToListAsync(cancellationToken);
        var segments = await db.Segments.AsNoTracking().OrderBy(s => s.SortOrder).Select(s => new TemplateDimension(s.Code, s.Name)).ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        var lastComplete = new DateTime(now.Year, now.Month, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(-1);
        return new TemplateCodes(kpis.Select(k => k.ToDefinition()).ToList(), channels, partners, segments,
            lastComplete.ToString("yyyy-MM", CultureInfo.InvariantCulture), db.PartnerScope is not null);
    }
}

/// <summary>
/// The file people fill in: the header and a few realistic rows made from the store's own KPIs, channels,
/// partners and segments (one per way a KPI is kept: ratio, net score, weighted mean, sum, at each grain); the XLSX
/// adds a "codes" sheet listing every KPI with how to fill its columns, and every channel, partner and segment.
/// </summary>
public static class MeasurementTemplate
{
    /// <summary>The note on every example row, so that one loaded by mistake is easy to find.</summary>
    public const string ExampleNote = "Example row: replace with your own figures";

    /// <summary>The name of the workbook's first sheet, which the import reads.</summary>
    public const string MeasurementsSheet = "measurements";

    /// <summary>The name of the workbook's sheet of codes.</summary>
    public const string CodesSheet = "codes";

    /// <summary>Writes the CSV template (UTF-8, no byte order mark, comma-separated, dot decimals).</summary>
    public static async Task WriteCsvAsync(Stream output, TemplateCodes codes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(codes);
        var text = new StringBuilder();
        text.Append(MeasurementColumns.CsvHeader).Append('\n');
        foreach (var row in Examples(codes))
        {
            text.AppendJoin(',', row.Month, row.Kpi, row.Channel, row.Partner, row.Segment,
                Number(row.Value), Number(row.Numerator), Number(row.Denominator), Number(row.Weight), Quoted(row.Note));
            text.Append('\n');
        }

        await output.WriteAsync(new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text.ToString()), cancellationToken);
    }

    /// <summary>Writes the XLSX template: the "measurements" sheet (the one the import reads) and the "codes" sheet.</summary>
    public static async Task WriteXlsxAsync(Stream output, TemplateCodes codes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(codes);
        var measurements = Examples(codes).Select(r => new Dictionary<string, object?>
        {
            [MeasurementColumns.Month] = r.Month,
            [MeasurementColumns.Kpi] = r.Kpi,
            [MeasurementColumns.Channel] = r.Channel,
            [MeasurementColumns.Partner] = r.Partner,
            [MeasurementColumns.Segment] = r.Segment,
            [MeasurementColumns.Value] = r.Value,
            [MeasurementColumns.Numerator] = r.Numerator,
            [MeasurementColumns.Denominator] = r.Denominator,
            [MeasurementColumns.Weight] = r.Weight,
            [MeasurementColumns.Note] = r.Note,
        }).ToList();
        var sheets = new Dictionary<string, object>
        {
            [MeasurementsSheet] = measurements,
            [CodesSheet] = CodeRows(codes),
        };
        await MiniExcel.SaveAsAsync(output, sheets, cancellationToken: cancellationToken);
    }

    /// <summary>Writes the CSV template with the store's own codes, read through a context of the current actor.</summary>
    public static async Task WriteCsvAsync(Stream output, IDbContextFactory<CxDbContext> contexts, TimeProvider time, CancellationToken cancellationToken = default) =>
        await WriteCsvAsync(output, await TemplateCodes.LoadAsync(contexts, time, cancellationToken), cancellationToken);

    /// <summary>Writes the XLSX template with the store's own codes, read through a context of the current actor.</summary>
    public static async Task WriteXlsxAsync(Stream output, IDbContextFactory<CxDbContext> contexts, TimeProvider time, CancellationToken cancellationToken = default) =>
        await WriteXlsxAsync(output, await TemplateCodes.LoadAsync(contexts, time, cancellationToken), cancellationToken);

    /// <summary>One example row per way of keeping a KPI (aggregation) at each grain, first KPI of each in board order.</summary>
    internal static IReadOnlyList<ImportPreviewRow> Examples(TemplateCodes codes)
    {
        var channel = codes.Channels.Count > 0 ? codes.Channels[0].Code : null;
        var partner = codes.Partners.Count > 0 ? codes.Partners[0].Code : null;
        var segment = codes.Segments.Count > 0 ? codes.Segments[0].Code : null;
        var line = 1;
        return codes.Kpis
            .Where(k => !(codes.ForOnePartner && k.Grain == KpiGrain.Customer))
            .GroupBy(k => (k.Aggregation, k.Grain))
            .Select(g => g.First())
            .Select(k =>
            {
                var (value, numerator, denominator, weight) = Figures(k);
                return new ImportPreviewRow(++line, codes.ExampleMonth, k.Code,
                    k.Grain == KpiGrain.Customer ? null : channel,
                    k.Grain == KpiGrain.Customer ? null : partner,
                    k.Grain == KpiGrain.Workforce ? null : segment,
                    value, numerator, denominator, weight, ExampleNote);
            })
            .ToList();
    }

    /// <summary>Plausible figures for a KPI of this unit and aggregation, consistent with the import's checks.</summary>
    private static (double Value, double? Numerator, double? Denominator, double? Weight) Figures(KpiDefinition k)
    {
        switch (k.Aggregation)
        {
            case KpiAggregation.NetScore:
                return (20, 180, 900, null);
            case KpiAggregation.Ratio:
                var per = k.Unit switch
                {
                    KpiUnit.Rate => k.HigherIsBetter ? 0.71 : 0.015,
                    KpiUnit.Money => k.HigherIsBetter ? 48.5 : 5.2,
                    KpiUnit.Seconds => 420,
                    KpiUnit.Weeks => 7,
                    _ => 3,
                };
                var denominator = k.Grain == KpiGrain.Customer ? 50_000d : 10_000d;
                var numerator = Math.Round(per * denominator, 2);
                return (numerator / denominator, numerator, denominator, null);
            case KpiAggregation.WeightedMean:
                return k.Unit switch
                {
                    KpiUnit.Seconds => (420, null, null, 10_000),
                    KpiUnit.Money => (1250, null, null, 50_000),
                    KpiUnit.Rate => (0.82, null, null, 120),
                    KpiUnit.Weeks => (7, null, null, 12),
                    KpiUnit.Count => (3, null, null, 10),
                    _ => (3.4, null, null, 900),
                };
            default:
                return (42, null, null, null);
        }
    }

    private static List<Dictionary<string, object?>> CodeRows(TemplateCodes codes)
    {
        var rows = codes.Kpis.Select(k => Row("KPI", k.Code, k.Name, Unit(k.Unit), Dimensions(k.Grain), How(k))).ToList();
        rows.AddRange(codes.Channels.Select(c => Row("channel", c.Code, c.Name, null, null, null)));
        rows.AddRange(codes.Partners.Select(p => Row("partner", p.Code, p.Name, null, null, null)));
        rows.AddRange(codes.Segments.Select(s => Row("segment", s.Code, s.Name, null, null, null)));
        return rows;

        static Dictionary<string, object?> Row(string kind, string code, string name, string? unit, string? dimensions, (string Value, string Numerator, string Denominator, string Weight)? how) => new()
        {
            ["kind"] = kind,
            ["code"] = code,
            ["name"] = name,
            ["unit"] = unit,
            ["dimensions"] = dimensions,
            ["value"] = how?.Value,
            ["numerator"] = how?.Numerator,
            ["denominator"] = how?.Denominator,
            ["weight"] = how?.Weight,
        };
    }

    private static (string Value, string Numerator, string Denominator, string Weight) How(KpiDefinition k) => k.Aggregation switch
    {
        KpiAggregation.Ratio => (
            $"blank, or numerator ÷ denominator{(k.Unit == KpiUnit.Rate ? " (a fraction from 0 to 1)" : "")}",
            k.NumeratorLabel + (k.Unit == KpiUnit.Rate ? " (at most the denominator)" : ""),
            $"{k.DenominatorLabel} (more than 0)",
            "blank"),
        KpiAggregation.NetScore => ("blank, or 100 × numerator ÷ denominator (−100 to 100)", $"{k.NumeratorLabel} (between −denominator and +denominator)", $"{k.DenominatorLabel} (more than 0)", "blank"),
        KpiAggregation.WeightedMean => ($"{k.NumeratorLabel}{Range(k.Unit)}", "blank", "blank", $"{k.DenominatorLabel} (more than 0)"),
        _ => ($"{k.NumeratorLabel}{Range(k.Unit)}", "blank", "blank", "blank"),
    };

    private static string Range(KpiUnit unit) => unit switch
    {
        KpiUnit.Rate => " (a fraction from 0 to 1)",
        KpiUnit.Count => " (a whole number, 0 or more)",
        KpiUnit.Money or KpiUnit.Seconds or KpiUnit.Weeks => " (0 or more)",
        _ => "",
    };

    private static string Unit(KpiUnit unit) => unit switch
    {
        KpiUnit.Money => "money",
        KpiUnit.Rate => "rate (fraction)",
        KpiUnit.Seconds => "seconds",
        KpiUnit.Score => "score",
        KpiUnit.Count => "count",
        KpiUnit.Weeks => "weeks",
        _ => unit.ToString(),
    };

    private static string Dimensions(KpiGrain grain) => grain switch
    {
        KpiGrain.Customer => "segment only (channel and partner blank)",
        KpiGrain.Workforce => "channel and partner (segment blank)",
        _ => "channel, partner and segment",
    };

    private static string Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? "";

    private static string Quoted(string? text) =>
        text is null ? "" : text.AsSpan().IndexOfAny(",\"\r\n") < 0 ? text : "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
