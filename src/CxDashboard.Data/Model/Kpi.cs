using CxDashboard.Core.Kpis;

namespace CxDashboard.Data.Model;

/// <summary>A KPI definition as stored: the standard ones of the catalog and any an organisation adds.</summary>
public class Kpi : IVersioned
{
    public int Id { get; set; }
    /// <inheritdoc />
    public uint Version { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public KpiUnit Unit { get; set; }
    public KpiDirection Direction { get; set; }
    public KpiAggregation Aggregation { get; set; }
    public KpiRole Role { get; set; }
    public KpiTiming Timing { get; set; }
    public KpiGrain Grain { get; set; }
    public required string Definition { get; set; }
    public required string NumeratorLabel { get; set; }
    public string? DenominatorLabel { get; set; }
    /// <summary>True for the catalog's own KPIs.</summary>
    public bool IsStandard { get; set; }
    public int SortOrder { get; set; }

    /// <summary>The Core definition this row stores.</summary>
    public KpiDefinition ToDefinition() => new(
        Code, Name, Unit, Direction, Aggregation, Role, Timing, Grain, Definition, NumeratorLabel, DenominatorLabel);

    /// <summary>A row for a Core definition.</summary>
    public static Kpi From(KpiDefinition d, int sortOrder, bool isStandard = true) => new()
    {
        Code = d.Code,
        Name = d.Name,
        Unit = d.Unit,
        Direction = d.Direction,
        Aggregation = d.Aggregation,
        Role = d.Role,
        Timing = d.Timing,
        Grain = d.Grain,
        Definition = d.Definition,
        NumeratorLabel = d.NumeratorLabel,
        DenominatorLabel = d.DenominatorLabel,
        IsStandard = isStandard,
        SortOrder = sortOrder,
    };
}

/// <summary>
/// One KPI for one month, channel, partner and segment: the value with its numerator and denominator
/// (ratio KPIs) or its weight (weighted means), so that any roll-up is exact (FORMULAS.md §5).
/// A null dimension means the KPI is not measured along it (churn has no channel).
/// </summary>
public class Measurement : IVersioned
{
    public long Id { get; set; }
    /// <inheritdoc />
    public uint Version { get; set; }
    public int KpiId { get; set; }
    /// <summary>The month as year × 100 + month (202511).</summary>
    public int Month { get; set; }
    public int? ChannelId { get; set; }
    public int? PartnerId { get; set; }
    public int? SegmentId { get; set; }
    public double Value { get; set; }
    public double? Numerator { get; set; }
    public double? Denominator { get; set; }
    public double? Weight { get; set; }
    /// <summary>What the person or system that supplied the value said about it ("survey vendor outage: estimate").</summary>
    public string? Note { get; set; }
    /// <summary>The import that last wrote this row; null when it was entered by hand or seeded.</summary>
    public long? ImportId { get; set; }

    public Kpi? Kpi { get; set; }
    public Channel? Channel { get; set; }
    public Partner? Partner { get; set; }
    public Segment? Segment { get; set; }
}
