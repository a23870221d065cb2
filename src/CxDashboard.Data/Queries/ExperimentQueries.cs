using CxDashboard.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Data.Queries;

/// <summary>Reads the holdout experiments (a partner-scoped reader's context sees only their partner's).</summary>
public sealed class ExperimentQueries(IDbContextFactory<CxDbContext> contexts)
{
    /// <summary>Every experiment the reader may see with its KPI, the latest window first.</summary>
    public async Task<IReadOnlyList<Experiment>> ExperimentsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Experiments.AsNoTracking()
            .Include(e => e.Kpi)
            .OrderByDescending(e => e.WindowEnd).ThenBy(e => e.Name)
            .ToListAsync(cancellationToken);
    }
}
