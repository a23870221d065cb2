using System.Data.Common;
using CxDashboard.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CxDashboard.Web.Hosting;

/// <summary>
/// Ready to serve: the store answers and holds every migration this version of the app knows. Start-up
/// migrates the store, so a pending migration means the store was swapped or restored underneath a running
/// app, or another instance of an older version is serving from it.
/// </summary>
public sealed class StoreReadinessCheck(IDbContextFactory<CxDbContext> contexts) : IHealthCheck
{
    /// <summary>The check's name in the health report.</summary>
    public const string Name = "store";

    /// <summary>
    /// How long the store may take to answer. A probe that hangs on a connection timeout tells an
    /// orchestrator less than a prompt "unreachable".
    /// </summary>
    public static readonly TimeSpan AnswerWithin = TimeSpan.FromSeconds(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var answer = AskStoreAsync(cancellationToken);
        try
        {
            // Stop waiting on our own: a server that accepted the connection and went silent keeps the driver
            // waiting past any cancellation (Npgsql waits out its connection Timeout while starting a session).
            return await answer.WaitAsync(AnswerWithin, cancellationToken);
        }
        catch (TimeoutException) when (!answer.IsCompleted)
        {
            // The abandoned question ends at the driver's own timeout; its failure is expected, not unobserved.
            _ = answer.ContinueWith(static asked => asked.Exception, CancellationToken.None,
                TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            return HealthCheckResult.Unhealthy($"database unreachable: no answer within {AnswerWithin.TotalSeconds:0} seconds");
        }
        catch (Exception e) when (e is DbException or InvalidOperationException or TimeoutException)
        {
            // The probe is public: the driver's own words (host, port, file) go to the app's log with the exception, not
            // into the answer.
            return HealthCheckResult.Unhealthy("database unreachable: the reason is in the app's log", e);
        }
    }

    private async Task<HealthCheckResult> AskStoreAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // Asked first because opening a missing SQLite file would create an empty one: a probe changes nothing.
        if (!await db.GetService<IRelationalDatabaseCreator>().ExistsAsync(cancellationToken))
            return HealthCheckResult.Unhealthy("database unreachable: the database does not exist");

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        return pending.Count switch
        {
            0 => HealthCheckResult.Healthy(),
            1 => HealthCheckResult.Unhealthy($"1 migration pending: {pending[0]}"),
            _ => HealthCheckResult.Unhealthy($"{pending.Count} migrations pending: {string.Join(", ", pending)}"),
        };
    }
}
