namespace CxDashboard.Core.Value;

/// <summary>
/// The channel, partner and segment a driver covers, by id; a null id means "all" in that dimension.
/// </summary>
/// <param name="ChannelId">The channel; null for all channels.</param>
/// <param name="PartnerId">The partner; null for all partners.</param>
/// <param name="SegmentId">The customer segment; null for all segments.</param>
public sealed record DriverScope(int? ChannelId = null, int? PartnerId = null, int? SegmentId = null)
{
    /// <summary>All channels, partners and segments.</summary>
    public static DriverScope All { get; } = new();

    /// <summary>
    /// True when the two scopes share some contacts or customers: in each dimension the ids are equal or
    /// either is null ("all").
    /// </summary>
    public bool Overlaps(DriverScope other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Shares(ChannelId, other.ChannelId) && Shares(PartnerId, other.PartnerId) && Shares(SegmentId, other.SegmentId);
    }

    private static bool Shares(int? a, int? b) => a is null || b is null || a == b;
}

/// <summary>One driver's risk-adjusted money per month, with what it claims: its type, KPI and scope.</summary>
/// <param name="Name">What a reader sees ("Handle-time savings, voice").</param>
/// <param name="Type">The driver's formula.</param>
/// <param name="KpiCode">The KPI whose change it prices.</param>
/// <param name="Scope">The channel, partner and segment it covers.</param>
/// <param name="Monthly">Risk-adjusted money per month; every driver of one call covers the same months.</param>
public sealed record DriverAmounts(
    string Name,
    ValueDriverType Type,
    string KpiCode,
    DriverScope Scope,
    IReadOnlyList<decimal> Monthly);

/// <summary>Two drivers that claim the same KPI change, and what that is worth.</summary>
/// <param name="First">The driver listed first in the input.</param>
/// <param name="Second">The driver listed second in the input.</param>
/// <param name="Reason">Why they overlap, in words.</param>
/// <param name="ClaimedTwice">
/// Σ over months of the amount both claim: the smaller in size of the two amounts when they have the same sign,
/// signed like them; 0 in a month when they differ in sign or either is 0.
/// </param>
/// <param name="Removed">
/// Σ over months of what the adjusted total leaves out on account of this pair: in each month either 0 or that
/// month's amount claimed twice, never more.
/// </param>
public sealed record DriverOverlap(string First, string Second, string Reason, decimal ClaimedTwice, decimal Removed);

/// <summary>The drivers' money with every claimed change counted once.</summary>
/// <param name="Overlaps">Each overlapping pair of drivers, in input order (first by the earlier driver, then by the later).</param>
/// <param name="PlainTotal">Σ of all drivers per month, overlaps counted as often as they are claimed.</param>
/// <param name="AdjustedTotal">Σ per month of what each driver still counts after the overlaps are removed.</param>
/// <param name="Counted">Per driver (in input order), per month: its amount when it counts, 0 when it is left out as an overlap.</param>
public sealed record DoubleCountingResult(
    IReadOnlyList<DriverOverlap> Overlaps,
    IReadOnlyList<decimal> PlainTotal,
    IReadOnlyList<decimal> AdjustedTotal,
    IReadOnlyList<IReadOnlyList<decimal>> Counted)
{
    /// <summary>Σ over months of plain total − adjusted total: everything removed as double counting.</summary>
    public decimal Removed => PlainTotal.Sum() - AdjustedTotal.Sum();
}

/// <summary>
/// Finds value drivers that claim the same KPI change (agent hours priced twice, the same customers' churn
/// priced twice) and counts the overlap once.
/// </summary>
public static class DoubleCounting
{
    /// <summary>
    /// Why drivers a and b claim the same change, or null when they do not. They overlap only when their scopes
    /// overlap (<see cref="DriverScope.Overlaps"/>) and: (1) both have the same type and KPI; (2) both are churn
    /// methods (value of churn, cohort, flat) on the same KPI; (3) one is handle-time savings and the other
    /// repeat-contact avoidance, which both price agent time; or (4) one is handle-time savings or repeat-contact
    /// avoidance and the other cost per contact, which already contains the handle time and the repeat contacts.
    /// KPI codes compare without regard to case. Amounts play no part.
    /// </summary>
    public static string? OverlapReason(DriverAmounts a, DriverAmounts b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (!a.Scope.Overlaps(b.Scope)) return null;
        var sameKpi = string.Equals(a.KpiCode, b.KpiCode, StringComparison.OrdinalIgnoreCase);

        if (a.Type == b.Type)
            return sameKpi ? $"both price the same change in {a.KpiCode} the same way, over overlapping scopes" : null;
        if (IsChurn(a.Type) && IsChurn(b.Type))
            return sameKpi ? $"both price the same customers' change in {a.KpiCode}, by different churn methods" : null;
        if (Is(a, b, ValueDriverType.HandleTimeSavings, ValueDriverType.RepeatContactAvoidance))
            return "both price agent time: shorter contacts and fewer repeat contacts save the same agent hours";
        if (Is(a, b, ValueDriverType.HandleTimeSavings, ValueDriverType.CostPerContact))
            return "cost per contact already contains the handle time";
        if (Is(a, b, ValueDriverType.RepeatContactAvoidance, ValueDriverType.CostPerContact))
            return "cost per contact already contains the cost of repeat contacts";
        return null;
    }

    /// <summary>
    /// Counts each claimed change once. Each month, separately for gains (amounts above 0) and losses (below 0),
    /// drivers are taken largest in size first (ties by name, then input order); a driver that overlaps one already
    /// counted that month is left out, its whole amount being the part the larger one already counts. For a pair
    /// of same-sign amounts a and b this counts the larger in size instead of a + b, so the overlap — the smaller —
    /// is removed once. With several drivers each left-out driver is removed once, on account of the largest counted
    /// driver it overlaps, so the adjusted total never drops below the largest single driver, never exceeds the
    /// plain sum for gains, and never removes more on account of a pair in a month than the pair claims twice that month. Amounts of opposite
    /// sign (a gain and a loss) are never netted against each other. Throws when the drivers cover different
    /// numbers of months.
    /// </summary>
    public static DoubleCountingResult Adjust(IReadOnlyList<DriverAmounts> drivers)
    {
        var (overlaps, leftOut) = Count(drivers);
        var months = drivers.Count == 0 ? 0 : drivers[0].Monthly.Count;
        var plain = new decimal[months];
        var adjusted = new decimal[months];
        var result = new IReadOnlyList<decimal>[drivers.Count];
        for (var i = 0; i < drivers.Count; i++)
        {
            var own = drivers[i].Monthly;
            var kept = own.ToArray();
            var left = leftOut[i];
            for (var m = 0; m < months; m++)
            {
                if (left is not null && left[m]) kept[m] = 0m;
                plain[m] += own[m];
                adjusted[m] += kept[m];
            }

            result[i] = kept;
        }

        return new DoubleCountingResult(overlaps, plain, adjusted, result);
    }

    /// <summary>
    /// The work of <see cref="Adjust"/> without the totals: each overlapping pair, and per driver the months it is
    /// left out of, or null for a driver that overlaps nothing and so counts all of its months.
    /// </summary>
    internal static (List<DriverOverlap> Overlaps, bool[]?[] LeftOut) Count(IReadOnlyList<DriverAmounts> drivers)
    {
        ArgumentNullException.ThrowIfNull(drivers);
        var months = drivers.Count == 0 ? 0 : drivers[0].Monthly.Count;
        if (drivers.Any(d => d.Monthly.Count != months))
            throw new ArgumentException("Every driver must cover the same months to be compared month by month.", nameof(drivers));

        var pairs = new List<(int A, int B, string Reason)>();
        void Compare(int x, int y)
        {
            var (a, b) = x < y ? (x, y) : (y, x);
            if (OverlapReason(drivers[a], drivers[b]) is { } reason) pairs.Add((a, b, reason));
        }

        // Only drivers in the same bucket can overlap (see OverlapReason): agent-time drivers with each other,
        // every other driver with those on its own KPI. Within a bucket, two drivers of fully named scopes overlap
        // only on the very same scope, so they are compared within their scope; a driver with an "all" anywhere in
        // its scope is compared with every other. This keeps hundreds of drivers cheap.
        foreach (var bucket in Enumerable.Range(0, drivers.Count).GroupBy(i => Bucket(drivers[i]), StringComparer.OrdinalIgnoreCase))
        {
            var wide = bucket.Where(i => !IsNamed(drivers[i].Scope)).ToList();
            foreach (var sameScope in bucket.Where(i => IsNamed(drivers[i].Scope)).GroupBy(i => drivers[i].Scope))
            {
                var members = sameScope.ToList();
                for (var x = 0; x < members.Count; x++)
                    for (var y = x + 1; y < members.Count; y++) Compare(members[x], members[y]);
            }

            foreach (var w in wide)
                foreach (var i in bucket)
                    if (IsNamed(drivers[i].Scope) || i > w) Compare(w, i);
        }

        pairs.Sort((p, q) => p.A != q.A ? p.A.CompareTo(q.A) : p.B.CompareTo(q.B));
        // Each driver's overlapping drivers, with the index of the pair they make.
        var neighbours = new List<(int Other, int Pair)>?[drivers.Count];
        for (var p = 0; p < pairs.Count; p++)
        {
            var (a, b, _) = pairs[p];
            (neighbours[a] ??= []).Add((b, p));
            (neighbours[b] ??= []).Add((a, p));
        }

        // Only drivers that overlap another can lose anything, and a driver only ever meets the drivers of its own
        // connected group of overlaps: the groups are worked through on their own, in parallel when there are many,
        // so a portfolio of hundreds of drivers with a few overlaps costs little more than adding it up.
        var components = Components(neighbours);
        var amounts = new decimal[drivers.Count][];
        var leftOut = new bool[]?[drivers.Count];
        foreach (var i in components.SelectMany(c => c))
        {
            // An array given by the caller is read, never written.
            amounts[i] = drivers[i].Monthly as decimal[] ?? drivers[i].Monthly.ToArray();
            leftOut[i] = new bool[months];
        }

        var names = drivers.Select(d => d.Name).ToArray();
        var removedByPair = new decimal[pairs.Count];
        var claimedTwice = new decimal[pairs.Count];
        // Where each driver stands among the drivers of its group kept this month (largest first); −1 when not kept.
        var keptRank = new int[drivers.Count];
        Array.Fill(keptRank, -1);
        void CountGroup(List<int> component)
        {
            var order = new Ranked[component.Count];
            for (var m = 0; m < months; m++)
            {
                var size = 0;
                foreach (var i in component)
                    if (amounts[i][m] != 0) order[size++] = new Ranked(decimal.Abs(amounts[i][m]), i);
                var ranked = order.AsSpan(0, size);
                Rank(ranked, names);

                var keptCount = 0;
                foreach (var (_, i) in ranked)
                {
                    var amount = amounts[i][m];
                    // Kept drivers come largest first, so the overlapping one kept earliest is the largest that
                    // already counts this change.
                    var holder = -1;
                    var holderPair = -1;
                    foreach (var (k, pair) in neighbours[i]!)
                        if (keptRank[k] >= 0 && decimal.Sign(amounts[k][m]) == decimal.Sign(amount)
                            && (holder < 0 || keptRank[k] < keptRank[holder]))
                        {
                            holder = k;
                            holderPair = pair;
                        }

                    if (holder < 0)
                    {
                        keptRank[i] = keptCount++;
                        continue;
                    }

                    leftOut[i]![m] = true;
                    removedByPair[holderPair] += amount;
                }

                foreach (var (_, i) in ranked) keptRank[i] = -1;
            }

            // Each pair belongs to exactly one group: its amount claimed twice is summed here, by the earlier driver.
            foreach (var i in component)
                foreach (var (k, pair) in neighbours[i]!)
                    if (k > i) claimedTwice[pair] = ClaimedTwice(amounts[i], amounts[k]);
        }

        if (components.Sum(c => c.Count) * months >= ParallelFrom)
            Parallel.ForEach(components, CountGroup);
        else
            components.ForEach(CountGroup);

        var overlaps = pairs.Select((p, n) => new DriverOverlap(names[p.A], names[p.B], p.Reason, claimedTwice[n], removedByPair[n])).ToList();
        return (overlaps, leftOut);
    }

    /// <summary>Below this many driver-months in overlapping groups the groups are counted on one thread.</summary>
    private const int ParallelFrom = 4_000;

    /// <summary>A driver's amount in size in one month, for ranking.</summary>
    private readonly record struct Ranked(decimal Size, int Driver);

    /// <summary>
    /// Orders one month's drivers of a group largest in size first, ties by name, then input order. Groups are
    /// mostly a handful of drivers, sorted in place by insertion; a large group goes to the framework's sort.
    /// </summary>
    private static void Rank(Span<Ranked> ranked, string[] names)
    {
        if (ranked.Length > 16)
        {
            ranked.Sort((x, y) => Before(x, y, names));
            return;
        }

        for (var i = 1; i < ranked.Length; i++)
        {
            var item = ranked[i];
            var j = i - 1;
            for (; j >= 0 && Before(item, ranked[j], names) < 0; j--) ranked[j + 1] = ranked[j];
            ranked[j + 1] = item;
        }
    }

    /// <summary>Below zero when x ranks before y: larger in size, then by name, then input order.</summary>
    private static int Before(Ranked x, Ranked y, string[] names)
    {
        var bySize = y.Size.CompareTo(x.Size);
        if (bySize != 0) return bySize;
        var byName = string.CompareOrdinal(names[x.Driver], names[y.Driver]);
        return byName != 0 ? byName : x.Driver.CompareTo(y.Driver);
    }

    private static decimal ClaimedTwice(decimal[] a, decimal[] b)
    {
        decimal total = 0;
        for (var m = 0; m < a.Length; m++)
            if (decimal.Sign(a[m]) == decimal.Sign(b[m]))
                total += decimal.Sign(a[m]) * Math.Min(decimal.Abs(a[m]), decimal.Abs(b[m]));
        return total;
    }

    /// <summary>The connected groups of drivers that overlap, directly or through another driver; lone drivers are left out.</summary>
    private static List<List<int>> Components(List<(int Other, int Pair)>?[] neighbours)
    {
        var seen = new bool[neighbours.Length];
        var groups = new List<List<int>>();
        for (var start = 0; start < neighbours.Length; start++)
        {
            if (seen[start] || neighbours[start] is null) continue;
            var group = new List<int>();
            var stack = new Stack<int>();
            stack.Push(start);
            seen[start] = true;
            while (stack.Count > 0)
            {
                var i = stack.Pop();
                group.Add(i);
                foreach (var (k, _) in neighbours[i]!)
                    if (!seen[k])
                    {
                        seen[k] = true;
                        stack.Push(k);
                    }
            }

            groups.Add(group);
        }

        return groups;
    }

    private static string Bucket(DriverAmounts d) =>
        d.Type is ValueDriverType.HandleTimeSavings or ValueDriverType.RepeatContactAvoidance or ValueDriverType.CostPerContact
            ? "agent time"
            : "kpi " + d.KpiCode;

    private static bool IsNamed(DriverScope scope) =>
        scope.ChannelId is not null && scope.PartnerId is not null && scope.SegmentId is not null;

    private static bool IsChurn(ValueDriverType type) =>
        type is ValueDriverType.ChurnValueOfChurn or ValueDriverType.ChurnCohort or ValueDriverType.ChurnFlat;

    private static bool Is(DriverAmounts a, DriverAmounts b, ValueDriverType x, ValueDriverType y) =>
        (a.Type == x && b.Type == y) || (a.Type == y && b.Type == x);
}
