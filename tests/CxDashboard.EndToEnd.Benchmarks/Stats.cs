namespace CxDashboard.EndToEnd.Benchmarks;

/// <summary>Median and 95th percentile (nearest rank) of a sample of milliseconds.</summary>
internal sealed record Stats(int Count, double Median, double P95, double Min, double Max)
{
    public static Stats Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) return new Stats(0, double.NaN, double.NaN, double.NaN, double.NaN);
        double Rank(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new Stats(sorted.Length, Rank(0.5), Rank(0.95), sorted[0], sorted[^1]);
    }
}
