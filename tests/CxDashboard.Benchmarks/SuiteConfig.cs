using BenchmarkDotNet.Configs;

namespace CxDashboard.Benchmarks;

/// <summary>BenchmarkDotNet's default configuration, with time to build the benchmarks' process on a busy two-core machine.</summary>
internal static class SuiteConfig
{
    /// <summary>
    /// The default, with a build timeout of 20 minutes instead of 2: the generated project builds the web app too,
    /// which takes longer than 2 minutes while other builds share the machine.
    /// </summary>
    public static IConfig Default { get; } = ManualConfig.Create(DefaultConfig.Instance).WithBuildTimeout(TimeSpan.FromMinutes(20));
}
