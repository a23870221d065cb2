using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace CxDashboard.EndToEnd.Benchmarks.Circuits;

/// <summary>
/// The app's live managed heap, from a heap snapshot by <c>dotnet-gcdump</c> (it forces a full collection, so what it
/// counts is what the app still holds, not what the server GC has yet to collect). Used when the tool is found: on the
/// PATH, in ~/.dotnet/tools, or where CXDASHBOARD_GCDUMP points.
/// </summary>
internal static partial class LiveHeap
{
    /// <summary>Where dotnet-gcdump is; null when it is not installed.</summary>
    public static string? Tool { get; } = Find();

    /// <summary>
    /// The most objects a snapshot holds: dotnet-gcdump stops walking the heap there, so a snapshot that reaches it has
    /// left objects out (on this runtime, its lossy event buffers can drop some on a large heap too).
    /// </summary>
    public const long ObjectLimit = 10_000_000;

    /// <summary>The live heap's bytes, or null without the tool, when it fails, or when the snapshot reached <see cref="ObjectLimit"/>.</summary>
    public static async Task<long?> BytesAsync(int processId)
    {
        if (Tool is null) return null;
        var file = Path.Combine(Path.GetTempPath(), $"cxdashboard-{processId}-{Guid.NewGuid():N}.gcdump");
        try
        {
            if (await RunAsync("collect", "-p", processId.ToString(CultureInfo.InvariantCulture), "-o", file) is null) return null;
            var report = await RunAsync("report", file);
            var bytes = report is null ? Match.Empty : HeapBytes().Match(report);
            var objects = report is null ? Match.Empty : HeapObjects().Match(report);
            if (!bytes.Success || !objects.Success || Number(objects) >= ObjectLimit) return null;
            return Number(bytes);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task<string?> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(Tool!, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? await output : null;
    }

    private static string? Find()
    {
        var candidates = new List<string?> { Environment.GetEnvironmentVariable("CXDASHBOARD_GCDUMP") };
        candidates.AddRange((Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(p => Path.Combine(p, "dotnet-gcdump")));
        candidates.Add(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".dotnet", "tools", "dotnet-gcdump"));
        return candidates.FirstOrDefault(c => !string.IsNullOrEmpty(c) && File.Exists(c));
    }

    private static long Number(Match match) =>
        long.Parse(match.Groups["n"].Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);

    [GeneratedRegex(@"(?<n>[\d,]+)\s+GC Heap bytes")]
    private static partial Regex HeapBytes();

    [GeneratedRegex(@"(?<n>[\d,]+)\s+GC Heap objects")]
    private static partial Regex HeapObjects();
}
