using System.Globalization;

namespace CxDashboard.Testing;

/// <summary>The machine's load average over the last minute, five and fifteen (Linux); "unknown" elsewhere.</summary>
internal static class LoadAverage
{
    /// <summary>"1.52 2.10 2.40", or "unknown".</summary>
    public static string Read() => Sample() is { } s
        ? string.Create(CultureInfo.InvariantCulture, $"{s.One:0.00} {s.Five:0.00} {s.Fifteen:0.00}")
        : "unknown";

    /// <summary>The three averages; null where the system does not publish them.</summary>
    public static (double One, double Five, double Fifteen)? Sample()
    {
        const string file = "/proc/loadavg";
        if (!File.Exists(file)) return null;
        var parts = File.ReadAllText(file).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length < 3 ? null : (Parse(parts[0]), Parse(parts[1]), Parse(parts[2]));
    }

    private static double Parse(string text) => double.Parse(text, CultureInfo.InvariantCulture);
}
