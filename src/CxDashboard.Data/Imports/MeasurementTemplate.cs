using CxDashboard.Core.Kpis;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Data.Imports;

/// <summary>A channel, partner or segment as the template lists it.</summary>
public sealed record TemplateDimension(string Code, string Name);

/// <summary>What the template is made from: the store's KPIs and dimensions, and the month its example rows are for.</summary>
/// <param name="Kpis">Every KPI, in board order.</param>
/// <param name="Channels">Every channel.</param>
/// <param name="Partners">Every partner.</param>
/// <param name="Segments">Every segment.</param>
/// <param name="ExampleMonth">The month the example rows are for, "YYYY-MM" (the last complete month).</param>
public sealed record TemplateCodes(
    IReadOnlyList<KpiDefinition> Kpis,
    IReadOnlyList<TemplateDimension> Channels,
    IReadOnlyList<TemplateDimension> Partners,
    IReadOnlyList<TemplateDimension> Segments,
    string ExampleMonth)
{
    /// <summary>Reads the codes through a context of the current actor (a partner user gets their own partner only).</summary>
    public static Task<TemplateCodes> LoadAsync(IDbContextFactory<CxDbContext> contexts, TimeProvider time, CancellationToken cancellationToken = default)
        => throw new NotImplementedException();
}

/// <summary>
/// The file people fill in: the header and a few realistic rows made from the store's own KPIs, channels,
/// partners and segments; the XLSX adds a sheet listing every code and how to fill each KPI's columns.
/// </summary>
public static class MeasurementTemplate
{
    /// <summary>Writes the CSV template (UTF-8, no BOM) with example rows from <paramref name="codes"/>.</summary>
    public static Task WriteCsvAsync(Stream output, TemplateCodes codes, CancellationToken cancellationToken = default)
        => throw new NotImplementedException();

    /// <summary>Writes the XLSX template: the measurements sheet and a "codes" sheet.</summary>
    public static Task WriteXlsxAsync(Stream output, TemplateCodes codes, CancellationToken cancellationToken = default)
        => throw new NotImplementedException();

    /// <summary>Writes the CSV template with the store's own codes (read through a context of the current actor).</summary>
    public static async Task WriteCsvAsync(Stream output, IDbContextFactory<CxDbContext> contexts, TimeProvider time, CancellationToken cancellationToken = default) =>
        await WriteCsvAsync(output, await TemplateCodes.LoadAsync(contexts, time, cancellationToken), cancellationToken);

    /// <summary>Writes the XLSX template with the store's own codes (read through a context of the current actor).</summary>
    public static async Task WriteXlsxAsync(Stream output, IDbContextFactory<CxDbContext> contexts, TimeProvider time, CancellationToken cancellationToken = default) =>
        await WriteXlsxAsync(output, await TemplateCodes.LoadAsync(contexts, time, cancellationToken), cancellationToken);
}
