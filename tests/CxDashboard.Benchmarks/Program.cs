using BenchmarkDotNet.Running;

// Runs the benchmarks named on the command line (BenchmarkDotNet's --filter), or all of them.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
