using System.Text;
using CxDashboard.Data.Queries;

namespace CxDashboard.Web.Measurements;

/// <summary>A choice in one of the export form's lists: the code the export takes and the name a person reads.</summary>
public sealed record ExportChoice(string Code, string Name);

/// <summary>What the export form offers: the months with data, the KPIs and the dimensions, each by code.</summary>
public sealed record ExportOptions(
    IReadOnlyList<string> Months,
    IReadOnlyList<ExportChoice> Kpis,
    IReadOnlyList<ExportChoice> Channels,
    IReadOnlyList<ExportChoice> Partners,
    IReadOnlyList<ExportChoice> Segments);

/// <summary>What the user chose to export; a null choice means all.</summary>
public sealed record ExportFilter(string? From, string? To, string? Kpi, string? Channel, string? Partner, string? Segment);

/// <summary>
/// The data page's export form: its lists (partner users see only their own partner, as the export itself does) and
/// the address of the export for the chosen filter.
/// </summary>
public sealed class ExportChoices(MeasurementQueries measurements, OrganisationQueries organisation)
{
    /// <summary>The lists the form offers.</summary>
    public async Task<ExportOptions> LoadAsync(CancellationToken cancellationToken = default)
    {
        var months = await measurements.MonthsWithDataAsync(cancellationToken);
        var kpis = await organisation.KpisAsync(cancellationToken);
        var dimensions = await organisation.DimensionsAsync(cancellationToken);
        return new ExportOptions(
            months.Select(m => m.ToString()).Reverse().ToList(),
            kpis.Select(k => new ExportChoice(k.Code, k.Name)).ToList(),
            dimensions.Channels.Select(c => new ExportChoice(c.Code, c.Name)).ToList(),
            dimensions.Partners.Select(p => new ExportChoice(p.Code, p.Name)).ToList(),
            dimensions.Segments.Select(s => new ExportChoice(s.Code, s.Name)).ToList());
    }

    /// <summary>The relative address of the measurements export as <paramref name="format"/> ("csv" or "xlsx") for <paramref name="filter"/>.</summary>
    public static string Link(string format, ExportFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = new StringBuilder();
        void Add(string name, string? value)
        {
            if (string.IsNullOrEmpty(value)) return;
            query.Append(query.Length == 0 ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
        }

        Add("from", filter.From);
        Add("to", filter.To);
        Add("kpi", filter.Kpi);
        Add("channel", filter.Channel);
        Add("partner", filter.Partner);
        Add("segment", filter.Segment);
        return $"export/measurements.{format}{query}";
    }
}
