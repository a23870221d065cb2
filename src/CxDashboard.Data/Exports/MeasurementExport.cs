using System.Runtime.CompilerServices;
using CxDashboard.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Data.Exports;

/// <summary>
/// Which measurements an export holds: a month range and codes per dimension, as on screen. An empty list of codes
/// means any; several codes mean any of them.
/// </summary>
/// <param name="From">The first month, included; null for the earliest.</param>
/// <param name="To">The last month, included; null for the latest.</param>
/// <param name="Kpis">KPI codes.</param>
/// <param name="Channels">Channel codes; rows not measured by channel are left out when any is given.</param>
/// <param name="Partners">Partner codes; rows not measured by partner are left out when any is given.</param>
/// <param name="Segments">Segment codes; rows not measured by segment are left out when any is given.</param>
public sealed record MeasurementExportFilter(
    YearMonth? From,
    YearMonth? To,
    IReadOnlyList<string> Kpis,
    IReadOnlyList<string> Channels,
    IReadOnlyList<string> Partners,
    IReadOnlyList<string> Segments)
{
    /// <summary>Every measurement the reader may see.</summary>
    public static MeasurementExportFilter All { get; } = new(null, null, [], [], [], []);
}

/// <summary>One exported measurement in the import layout: codes, not names, so that it loads back unchanged.</summary>
/// <param name="Month">The month.</param>
/// <param name="Kpi">The KPI's code.</param>
/// <param name="Channel">The channel's code; null when not measured by channel.</param>
/// <param name="Partner">The partner's code; null when not measured by partner.</param>
/// <param name="Segment">The segment's code; null when not measured by segment.</param>
/// <param name="Value">The value.</param>
/// <param name="Numerator">The numerator of a ratio KPI.</param>
/// <param name="Denominator">The denominator of a ratio KPI.</param>
/// <param name="Weight">The weight of a weighted mean.</param>
/// <param name="Note">What whoever supplied the value said about it.</param>
public sealed record MeasurementExportRow(
    YearMonth Month, string Kpi, string? Channel, string? Partner, string? Segment,
    double Value, double? Numerator, double? Denominator, double? Weight, string? Note);

/// <summary>A code in a filter that names nothing the reader can see.</summary>
/// <param name="Dimension">"kpi", "channel", "partner" or "segment": the filter's own word for it.</param>
/// <param name="Code">The code as given.</param>
/// <param name="Known">The codes the reader could have given instead.</param>
public sealed record UnknownCode(string Dimension, string Code, IReadOnlyList<string> Known);

/// <summary>A filter with its codes looked up: the ids to select by, the codes to write, and any code that names nothing.</summary>
public sealed class MeasurementSelection
{
    internal MeasurementSelection(
        MeasurementExportFilter filter,
        IReadOnlyDictionary<int, string> kpis,
        IReadOnlyDictionary<int, string> channels,
        IReadOnlyDictionary<int, string> partners,
        IReadOnlyDictionary<int, string> segments,
        IReadOnlyList<UnknownCode> unknown)
    {
        Filter = filter;
        KpiCodes = kpis;
        ChannelCodes = channels;
        PartnerCodes = partners;
        SegmentCodes = segments;
        Unknown = unknown;
        KpiIds = Ids(kpis, filter.Kpis);
        ChannelIds = Ids(channels, filter.Channels);
        PartnerIds = Ids(partners, filter.Partners);
        SegmentIds = Ids(segments, filter.Segments);
    }

    /// <summary>The filter as given.</summary>
    public MeasurementExportFilter Filter { get; }

    /// <summary>Codes of the filter that name nothing the reader can see; the export is refused while there are any.</summary>
    public IReadOnlyList<UnknownCode> Unknown { get; }

    internal IReadOnlyDictionary<int, string> KpiCodes { get; }
    internal IReadOnlyDictionary<int, string> ChannelCodes { get; }
    internal IReadOnlyDictionary<int, string> PartnerCodes { get; }
    internal IReadOnlyDictionary<int, string> SegmentCodes { get; }
    internal int[] KpiIds { get; }
    internal int[] ChannelIds { get; }
    internal int[] PartnerIds { get; }
    internal int[] SegmentIds { get; }

    private static int[] Ids(IReadOnlyDictionary<int, string> codes, IReadOnlyList<string> wanted) =>
        codes.Where(c => wanted.Contains(c.Value, StringComparer.OrdinalIgnoreCase)).Select(c => c.Key).ToArray();
}

/// <summary>
/// Reads measurements for an export, filtered in SQL and streamed row by row, so that a million rows never sit in
/// memory at once. It reads through a <see cref="CxDbContext"/> created for the current actor, so a partner user's
/// export holds only their partner's rows, as their pages do.
/// </summary>
public sealed class MeasurementExport(IDbContextFactory<CxDbContext> contexts)
{
    /// <summary>Looks up the filter's codes among the dimensions the current actor can see.</summary>
    public async Task<MeasurementSelection> SelectAsync(MeasurementExportFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var kpis = await db.Kpis.AsNoTracking().ToDictionaryAsync(k => k.Id, k => k.Code, cancellationToken);
        var channels = await db.Channels.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Code, cancellationToken);
        // Partners are filtered to the actor's own: another partner's code is as unknown to them as a made-up one.
        var partners = await db.Partners.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Code, cancellationToken);
        var segments = await db.Segments.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Code, cancellationToken);
        var unknown = Unknown("kpi", filter.Kpis, kpis)
            .Concat(Unknown("channel", filter.Channels, channels))
            .Concat(Unknown("partner", filter.Partners, partners))
            .Concat(Unknown("segment", filter.Segments, segments))
            .ToList();
        return new MeasurementSelection(filter, kpis, channels, partners, segments, unknown);
    }

    /// <summary>How many rows the selection holds.</summary>
    public async Task<long> CountAsync(MeasurementSelection selection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(selection);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await Query(db, selection).LongCountAsync(cancellationToken);
    }

    /// <summary>
    /// The selected rows by month, KPI, channel, partner and segment (the natural key's index order), read from the
    /// database as they are written out.
    /// </summary>
    public async IAsyncEnumerable<MeasurementExportRow> ReadAsync(
        MeasurementSelection selection, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(selection);
        if (selection.Unknown.Count > 0)
            throw new InvalidOperationException("The selection names codes that do not exist; say so to the reader instead of exporting.");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // Only the measurement's own columns come from the database; the few codes are looked up in memory, so
        // the query needs no join at all.
        var rows = Query(db, selection)
            .OrderBy(m => m.Month).ThenBy(m => m.KpiId).ThenBy(m => m.ChannelId).ThenBy(m => m.PartnerId).ThenBy(m => m.SegmentId)
            .Select(m => new { m.Month, m.KpiId, m.ChannelId, m.PartnerId, m.SegmentId, m.Value, m.Numerator, m.Denominator, m.Weight, m.Note })
            .AsAsyncEnumerable()
            .WithCancellation(cancellationToken);
        await foreach (var m in rows)
        {
            yield return new MeasurementExportRow(
                YearMonth.FromKey(m.Month),
                selection.KpiCodes[m.KpiId],
                Code(selection.ChannelCodes, m.ChannelId),
                Code(selection.PartnerCodes, m.PartnerId),
                Code(selection.SegmentCodes, m.SegmentId),
                m.Value, m.Numerator, m.Denominator, m.Weight, m.Note);
        }
    }

    private static IQueryable<Model.Measurement> Query(CxDbContext db, MeasurementSelection selection)
    {
        var q = db.Measurements.AsNoTracking();
        var filter = selection.Filter;
        if (filter.From is { } from)
        {
            var first = from.Key;
            q = q.Where(m => m.Month >= first);
        }

        if (filter.To is { } to)
        {
            var last = to.Key;
            q = q.Where(m => m.Month <= last);
        }

        if (filter.Kpis.Count > 0)
        {
            var ids = selection.KpiIds;
            q = q.Where(m => ids.Contains(m.KpiId));
        }

        if (filter.Channels.Count > 0)
        {
            var ids = selection.ChannelIds;
            q = q.Where(m => m.ChannelId != null && ids.Contains(m.ChannelId.Value));
        }

        if (filter.Partners.Count > 0)
        {
            var ids = selection.PartnerIds;
            q = q.Where(m => m.PartnerId != null && ids.Contains(m.PartnerId.Value));
        }

        if (filter.Segments.Count > 0)
        {
            var ids = selection.SegmentIds;
            q = q.Where(m => m.SegmentId != null && ids.Contains(m.SegmentId.Value));
        }

        return q;
    }

    private static string? Code(IReadOnlyDictionary<int, string> codes, int? id) =>
        id is { } value ? codes.GetValueOrDefault(value, value.ToString(System.Globalization.CultureInfo.InvariantCulture)) : null;

    private static IEnumerable<UnknownCode> Unknown(string dimension, IReadOnlyList<string> wanted, IReadOnlyDictionary<int, string> codes)
    {
        var known = codes.Values.Order(StringComparer.Ordinal).ToList();
        return wanted
            .Where(code => !codes.Values.Contains(code, StringComparer.OrdinalIgnoreCase))
            .Select(code => new UnknownCode(dimension, code, known));
    }
}
