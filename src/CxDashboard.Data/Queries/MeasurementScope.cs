namespace CxDashboard.Data.Queries;

/// <summary>
/// Which channels, partners and segments a roll-up covers. An empty list means "all", including
/// measurements not taken along that dimension.
/// </summary>
public sealed record MeasurementScope(
    IReadOnlyCollection<int> ChannelIds,
    IReadOnlyCollection<int> PartnerIds,
    IReadOnlyCollection<int> SegmentIds)
{
    /// <summary>The whole organisation.</summary>
    public static MeasurementScope All { get; } = new([], [], []);

    /// <summary>One channel, partner and segment, each optional (null means all).</summary>
    public static MeasurementScope Of(int? channelId, int? partnerId, int? segmentId) => new(
        channelId is { } c ? [c] : [],
        partnerId is { } p ? [p] : [],
        segmentId is { } s ? [s] : []);
}
