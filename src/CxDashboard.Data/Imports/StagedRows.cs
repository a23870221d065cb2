namespace CxDashboard.Data.Imports;

/// <summary>
/// One checked row as it will be written: ids instead of codes (0 for a blank dimension, as the store's natural-key
/// index reads a null), NaN for a blank number. A struct in one array, so a million rows cost no million objects.
/// </summary>
internal struct StagedRow
{
    public int Line;
    public int Month;
    public int KpiId;
    public int ChannelId;
    public int PartnerId;
    public int SegmentId;
    public double Value;
    public double Numerator;
    public double Denominator;
    public double Weight;
    public string? Note;

    public readonly NaturalKey Key => new(Month, KpiId, ChannelId, PartnerId, SegmentId);
}

/// <summary>What identifies a measurement: KPI, month and dimensions (0 for none).</summary>
internal readonly record struct NaturalKey(int Month, int KpiId, int ChannelId, int PartnerId, int SegmentId);

/// <summary>The checked rows of a batch, in file order.</summary>
internal sealed class StagedRows
{
    private StagedRow[] _items = new StagedRow[1024];

    public int Count { get; private set; }

    public int FirstMonth { get; private set; } = int.MaxValue;

    public int LastMonth { get; private set; } = int.MinValue;

    public ref readonly StagedRow this[int index] => ref _items[index];

    public ReadOnlySpan<StagedRow> AsSpan() => _items.AsSpan(0, Count);

    public void Add(in StagedRow row)
    {
        if (Count == _items.Length) Array.Resize(ref _items, _items.Length * 2);
        _items[Count++] = row;
        if (row.Month < FirstMonth) FirstMonth = row.Month;
        if (row.Month > LastMonth) LastMonth = row.Month;
    }
}
