using CxDashboard.Data.Queries;

namespace CxDashboard.Web.Kpis;

/// <summary>
/// Which channels, partners and segments the KPI pages look at, by code as in files and addresses ("VOICE"). An empty
/// list means all of them.
/// </summary>
public sealed record KpiFilter(IReadOnlyList<string> Channels, IReadOnlyList<string> Partners, IReadOnlyList<string> Segments)
{
    /// <summary>The whole organisation.</summary>
    public static KpiFilter All { get; } = new([], [], []);

    /// <summary>True when any dimension is narrowed.</summary>
    public bool IsFiltered => Channels.Count > 0 || Partners.Count > 0 || Segments.Count > 0;

    /// <summary>The filter from an address's comma-separated codes ("VOICE,CHAT"); blanks are ignored, codes upper-cased.</summary>
    public static KpiFilter Parse(string? channels, string? partners, string? segments) =>
        new(Codes(channels), Codes(partners), Codes(segments));

    /// <summary>The codes as one comma-separated value for an address; null when the list is empty.</summary>
    public static string? Join(IReadOnlyList<string> codes)
    {
        ArgumentNullException.ThrowIfNull(codes);
        return codes.Count == 0 ? null : string.Join(",", codes);
    }

    private static List<string> Codes(string? text) =>
        (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(c => c.ToUpperInvariant()).Distinct(StringComparer.Ordinal).ToList();
}

/// <summary>A filter resolved against the store's dimensions: ids for the queries and words for the reader.</summary>
/// <param name="Scope">The ids the sums are taken over.</param>
/// <param name="Label">"Voice · all partners · all segments".</param>
/// <param name="ChannelId">The one channel selected, if exactly one is.</param>
/// <param name="PartnerId">The one partner selected (or the reader's own partner), if exactly one is.</param>
/// <param name="SegmentId">The one segment selected, if exactly one is.</param>
/// <param name="IsExact">True when each dimension is all or exactly one, so that a baseline can be kept for exactly this scope.</param>
/// <param name="IsNarrowed">True when the figures cover less than the reader's whole organisation (a filter, or a partner reader).</param>
/// <param name="UnknownCodes">Codes in the filter that name no channel, partner or segment the reader may see.</param>
public sealed record ResolvedScope(
    MeasurementScope Scope, string Label, int? ChannelId, int? PartnerId, int? SegmentId, bool IsExact, bool IsNarrowed,
    IReadOnlyList<string> UnknownCodes)
{
    /// <summary>Resolves <paramref name="filter"/>; a partner reader's own partner is part of every scope.</summary>
    public static ResolvedScope Of(KpiFilter filter, Dimensions dimensions, int? readerPartner)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(dimensions);
        var unknown = new List<string>();
        List<(int Id, string Name)> Pick<T>(IReadOnlyList<string> codes, IEnumerable<T> all, Func<T, (int Id, string Code, string Name)> key)
        {
            var byCode = all.Select(key).ToDictionary(x => x.Code, StringComparer.OrdinalIgnoreCase);
            var picked = new List<(int, string)>();
            foreach (var code in codes)
            {
                if (byCode.TryGetValue(code, out var x)) picked.Add((x.Id, x.Name));
                else unknown.Add(code);
            }

            return picked;
        }

        var channels = Pick(filter.Channels, dimensions.Channels, c => (c.Id, c.Code, c.Name));
        var partners = Pick(filter.Partners, dimensions.Partners, p => (p.Id, p.Code, p.Name));
        var segments = Pick(filter.Segments, dimensions.Segments, s => (s.Id, s.Code, s.Name));
        if (readerPartner is { } own && partners.Count == 0)
            partners.Add((own, dimensions.Partners.FirstOrDefault(p => p.Id == own)?.Name ?? "your partner"));

        static string Words(List<(int Id, string Name)> picked, string all) =>
            picked.Count == 0 ? all : string.Join(" + ", picked.Select(p => p.Name));
        var label = string.Join(" · ", Words(channels, "all channels"), Words(partners, "all partners"), Words(segments, "all segments"));
        return new ResolvedScope(
            new MeasurementScope(channels.Select(c => c.Id).ToList(), partners.Select(p => p.Id).ToList(), segments.Select(s => s.Id).ToList()),
            char.ToUpperInvariant(label[0]) + label[1..],
            channels.Count == 1 ? channels[0].Id : null,
            partners.Count == 1 ? partners[0].Id : null,
            segments.Count == 1 ? segments[0].Id : null,
            channels.Count <= 1 && partners.Count <= 1 && segments.Count <= 1,
            channels.Count + partners.Count + segments.Count > 0,
            unknown);
    }
}
