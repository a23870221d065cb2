using CxDashboard.Core.Kpis;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Data.Imports;

/// <summary>A KPI as the import checks rows against it.</summary>
internal sealed record KpiCode(int Id, string Code, string Name, KpiUnit Unit, KpiAggregation Aggregation, KpiGrain Grain);

/// <summary>A channel, partner or segment: its id and its code as stored.</summary>
internal sealed record DimensionCode(int Id, string Code);

/// <summary>
/// The codes a file may use, read from the store once per file: KPIs, channels, partners and segments, looked up
/// case-insensitively straight from the reader's spans (no string per row).
/// </summary>
internal sealed class ImportCodes
{
    private readonly CodeTable<KpiCode> _kpis;

    private ImportCodes(IEnumerable<KpiCode> kpis, IEnumerable<DimensionCode> channels, IEnumerable<DimensionCode> partners, IEnumerable<DimensionCode> segments)
    {
        _kpis = new CodeTable<KpiCode>(kpis, k => k.Code, k => k.Id);
        Channels = new CodeTable<DimensionCode>(channels, d => d.Code, d => d.Id);
        Partners = new CodeTable<DimensionCode>(partners, d => d.Code, d => d.Id);
        Segments = new CodeTable<DimensionCode>(segments, d => d.Code, d => d.Id);
    }

    public CodeTable<KpiCode> Kpis => _kpis;

    public CodeTable<DimensionCode> Channels { get; }

    public CodeTable<DimensionCode> Partners { get; }

    public CodeTable<DimensionCode> Segments { get; }

    /// <summary>
    /// Reads the codes. Partners are read past the partner filter, so that a partner user's problem can name the
    /// partner a row is for; which rows they may load is checked row by row.
    /// </summary>
    public static async Task<ImportCodes> LoadAsync(CxDbContext db, CancellationToken cancellationToken)
    {
        var kpis = await db.Kpis.AsNoTracking().OrderBy(k => k.SortOrder)
            .Select(k => new KpiCode(k.Id, k.Code, k.Name, k.Unit, k.Aggregation, k.Grain)).ToListAsync(cancellationToken);
        var channels = await db.Channels.AsNoTracking().OrderBy(c => c.SortOrder).Select(c => new DimensionCode(c.Id, c.Code)).ToListAsync(cancellationToken);
        var partners = await db.Partners.IgnoreQueryFilters().AsNoTracking().OrderBy(p => p.SortOrder).Select(p => new DimensionCode(p.Id, p.Code)).ToListAsync(cancellationToken);
        var segments = await db.Segments.AsNoTracking().OrderBy(s => s.SortOrder).Select(s => new DimensionCode(s.Id, s.Code)).ToListAsync(cancellationToken);
        return new ImportCodes(kpis, channels, partners, segments);
    }
}

/// <summary>Codes of one kind, by code (case-insensitive, from a span) and by id.</summary>
internal sealed class CodeTable<T>
    where T : class
{
    private readonly Dictionary<string, T> _byCode;
    private readonly Dictionary<string, T>.AlternateLookup<ReadOnlySpan<char>> _bySpan;
    private readonly Dictionary<int, T> _byId;

    public CodeTable(IEnumerable<T> items, Func<T, string> code, Func<T, int> id)
    {
        All = items.ToList();
        _byCode = All.ToDictionary(code, StringComparer.OrdinalIgnoreCase);
        _bySpan = _byCode.GetAlternateLookup<ReadOnlySpan<char>>();
        _byId = All.ToDictionary(id);
        Codes = All.Select(code).ToList();
    }

    /// <summary>Every item, in the store's order.</summary>
    public IReadOnlyList<T> All { get; }

    /// <summary>Every code, in the store's order.</summary>
    public IReadOnlyList<string> Codes { get; }

    public T? Find(ReadOnlySpan<char> code) => _bySpan.TryGetValue(code.Trim(), out var item) ? item : null;

    public T? Find(int id) => _byId.GetValueOrDefault(id);
}
