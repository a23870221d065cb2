using System.Globalization;
using CxDashboard.Data.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace CxDashboard.Data.Baselines;

/// <summary>
/// A baseline is locked once set: every figure measured against it (status, deltas, a driver's money) would move
/// silently if its value or period changed. Changing either is a re-baselining, which the store accepts only with a
/// <see cref="BaselineRevision"/> for that baseline in the same save, recording the old and new value and period and
/// why. The store checks this itself, so no page, import or script can change a baseline without leaving that record.
/// </summary>
internal static class BaselineLock
{
    /// <summary>Throws <see cref="InvalidOperationException"/> when a baseline's value or period changes without its revision.</summary>
    public static void Check(ChangeTracker tracker)
    {
        List<BaselineRevision>? revisions = null;
        foreach (var entry in tracker.Entries<Baseline>())
        {
            if (entry.State != EntityState.Modified || !Changed(entry)) continue;
            revisions ??= tracker.Entries<BaselineRevision>().Where(r => r.State == EntityState.Added).Select(r => r.Entity).ToList();
            var baseline = entry.Entity;
            var revision = revisions.FirstOrDefault(r => ReferenceEquals(r.Baseline, baseline) || r.BaselineId == baseline.Id);
            if (revision is null)
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                    $"Baseline {baseline.Id} is locked: its value or measurement period can only change as a re-baselining, saved together with a baseline revision that gives the reason and the month it applies from. Nothing was saved."));
            if (revision.NewValue != baseline.Value || revision.NewPeriodStart != baseline.PeriodStart || revision.NewPeriodEnd != baseline.PeriodEnd)
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                    $"Baseline {baseline.Id} is being re-baselined, but its revision records a different new value or period than the baseline is given. Nothing was saved."));
        }
    }

    private static bool Changed(EntityEntry<Baseline> entry) =>
        !Equals(entry.Property(b => b.Value).OriginalValue, entry.Property(b => b.Value).CurrentValue)
        || entry.Property(b => b.PeriodStart).OriginalValue != entry.Property(b => b.PeriodStart).CurrentValue
        || entry.Property(b => b.PeriodEnd).OriginalValue != entry.Property(b => b.PeriodEnd).CurrentValue;
}
