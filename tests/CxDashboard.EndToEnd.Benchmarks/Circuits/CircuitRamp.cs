using CxDashboard.Testing;
using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.EndToEnd.Benchmarks.Circuits;

/// <summary>One step of the ramp: how many were open, the app's memory then, and the round trips measured at it.</summary>
internal sealed record RampLevel(int Open, long ResidentBytes, long BaselineBytes, long? HeapBytes, long? BaselineHeapBytes, int Threads, Stats? RoundTrip, Stats? Opening, int Failures, string LoadAverage, string? FirstFailure)
{
    /// <summary>The app's processor time over the step's round trips, per round trip (all its threads); null for the floor.</summary>
    public double? ProcessorMsPerTrip { get; init; }

    /// <summary>The app's processor time over the step's round trips as a share of the machine's cores over the same time.</summary>
    public double? ProcessorShare { get; init; }

    /// <summary>Resident memory added per open connection or circuit since the baseline.</summary>
    public double BytesPerOpen => Open == 0 ? 0 : (ResidentBytes - BaselineBytes) / (double)Open;

    /// <summary>Live managed heap added per open connection or circuit since the baseline; null without dotnet-gcdump.</summary>
    public double? HeapBytesPerOpen => Open == 0 || HeapBytes is not { } h || BaselineHeapBytes is not { } b ? null : (h - b) / (double)Open;
}

/// <summary>
/// Opens board circuits (or, for the floor, bare SignalR connections that start none) step by step and measures at each
/// step the app's resident memory and the UI round trip: every open circuit navigates once to the other month, at
/// random moments spread over <see cref="Window"/>, and the time to the render batch that shows that month's board is
/// taken.
/// </summary>
internal sealed class CircuitRamp(AppUnderTest app, CookieContainer cookies, BoardMonths months)
{
    /// <summary>How long to hold each step open before it is measured (to take a heap snapshot of the app in it).</summary>
    public TimeSpan Hold { get; init; } = TimeSpan.Zero;

    /// <summary>Go on past the round-trip limit (for the memory figures up to the last step), stopping only at 5 s or a tenth failing.</summary>
    public bool PastLimit { get; init; }

    /// <summary>How long one step's navigations are spread over: each reader changes month once in it.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan Within = TimeSpan.FromSeconds(60);
    private const int OpenAtOnce = 8;
    private const int CircuitsPerPrerender = 25;

    /// <summary>Steps up to <paramref name="levels"/>' last, stopping after the first whose p95 passes <paramref name="p95Limit"/> ms.</summary>
    public async Task<IReadOnlyList<RampLevel>> CircuitsAsync(IReadOnlyList<int> levels, double p95Limit, Action<string> progress)
    {
        ArgumentNullException.ThrowIfNull(levels);
        ArgumentNullException.ThrowIfNull(progress);
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = app.Address };
        // Warm the app as a reader who has opened the board before would: two prerenders of each month.
        foreach (var month in new[] { months.First, months.Second, months.First, months.Second })
            await BoardPrerender.FetchAsync(http, BoardMonths.Address(app.Address, month), CancellationToken.None);
        await Task.Delay(TimeSpan.FromSeconds(5));
        var baseline = app.ResidentBytes();
        var baselineHeap = await LiveHeap.BytesAsync(app.ProcessId);

        var circuits = new List<(HeadlessCircuit Circuit, bool OnFirst)>();
        var results = new List<RampLevel>();
        BoardPrerender? page = null;
        try
        {
            foreach (var level in levels)
            {
                var openings = new ConcurrentBag<double>();
                var failures = 0;
                string? firstFailure = null;
                var opened = new ConcurrentBag<HeadlessCircuit>();
                var toOpen = level - circuits.Count;
                using (var gate = new SemaphoreSlim(OpenAtOnce))
                {
                    var tasks = new List<Task>();
                    for (var i = 0; i < toOpen; i++)
                    {
                        if (i % CircuitsPerPrerender == 0)
                            page = await BoardPrerender.FetchAsync(http, BoardMonths.Address(app.Address, months.First), CancellationToken.None);
                        await gate.WaitAsync();
                        var current = page!;
                        tasks.Add(Task.Run(async () =>
                        {
                            try
                            {
                                var (circuit, started) = await HeadlessCircuit.OpenAsync(app.Address, cookies, current, BoardMonths.Marks(months.First), Within);
                                openings.Add(started.TotalMilliseconds);
                                opened.Add(circuit);
                            }
                            catch (Exception e) when (e is TimeoutException or InvalidOperationException or HttpRequestException or System.Net.WebSockets.WebSocketException)
                            {
                                Interlocked.Increment(ref failures);
                                Interlocked.CompareExchange(ref firstFailure, $"opening: {e.Message}", null);
                            }
                            finally
                            {
                                gate.Release();
                            }
                        }));
                    }

                    await Task.WhenAll(tasks);
                }

                circuits.AddRange(opened.Select(c => (c, true)));
                progress($"{circuits.Count} circuits open ({failures} failed to open); navigating for {Window.TotalSeconds:0} s");
                if (Hold > TimeSpan.Zero) progress($"holding {circuits.Count} circuits for {Hold.TotalSeconds:0} s: the app is process {app.ProcessId}");
                await Task.Delay(TimeSpan.FromSeconds(3) + Hold);
                var resident = app.ResidentBytes();
                var threads = app.Threads();
                var load = LoadAverage.Read();

                var trips = new ConcurrentBag<double>();
                var cpuBefore = app.ProcessorTime();
                var clock = System.Diagnostics.Stopwatch.StartNew();
                var random = new Random(level);
                var navigations = circuits.Select((entry, index) => (entry, index, delay: TimeSpan.FromMilliseconds(random.NextDouble() * Window.TotalMilliseconds))).ToList();
                await Task.WhenAll(navigations.Select(async n =>
                {
                    await Task.Delay(n.delay);
                    var target = n.entry.OnFirst ? months.Second : months.First;
                    try
                    {
                        var trip = await n.entry.Circuit.NavigateAsync(BoardMonths.Address(app.Address, target), BoardMonths.Marks(target), Within);
                        trips.Add(trip.TotalMilliseconds);
                    }
                    catch (Exception e) when (e is TimeoutException or InvalidOperationException)
                    {
                        Interlocked.Increment(ref failures);
                        Interlocked.CompareExchange(ref firstFailure, $"navigating: {e.Message}", null);
                    }
                }));
                var cpu = (app.ProcessorTime() - cpuBefore).TotalMilliseconds;
                var elapsed = clock.Elapsed.TotalMilliseconds;
                for (var i = 0; i < circuits.Count; i++) circuits[i] = (circuits[i].Circuit, !circuits[i].OnFirst);

                // The snapshot's full collection stops the app (for tens of seconds at a thousand circuits, long enough for
                // the server to give up on its connections): taken after the round trips, never before them.
                var heap = await LiveHeap.BytesAsync(app.ProcessId);

                var result = new RampLevel(circuits.Count, resident, baseline, heap, baselineHeap, threads, Stats.Of(trips), Stats.Of(openings), failures, load, firstFailure)
                {
                    ProcessorMsPerTrip = trips.IsEmpty ? null : cpu / trips.Count,
                    ProcessorShare = cpu / (elapsed * Environment.ProcessorCount),
                };
                results.Add(result);
                progress($"{level}: {result.BytesPerOpen / 1e6:0.00} MB resident each, {result.HeapBytesPerOpen / 1e6:0.00} MB live heap each, round trip median {result.RoundTrip!.Median:0} ms p95 {result.RoundTrip.P95:0} ms, app CPU {result.ProcessorMsPerTrip:0.0} ms per trip ({result.ProcessorShare:P0} of the cores), {failures} failures, load {load}");
                // Stop once the round trip passes the limit. When even the first step is past it (the machine is too busy to
                // meet it at all), go on for the memory figures until the round trip passes 5 s or a tenth fail.
                var busyFromTheStart = PastLimit || results[0].RoundTrip!.P95 > p95Limit;
                if ((result.RoundTrip.P95 > p95Limit && !busyFromTheStart) || result.RoundTrip.P95 > 5_000 || failures > level / 10) break;
            }
        }
        finally
        {
            await Task.WhenAll(circuits.Select(c => c.Circuit.DisposeAsync().AsTask()));
        }

        return results;
    }

    /// <summary>The floor: bare SignalR connections to the same hub with the same cookies and protocol, starting no circuit.</summary>
    public async Task<IReadOnlyList<RampLevel>> IdleConnectionsAsync(IReadOnlyList<int> levels, Action<string> progress)
    {
        ArgumentNullException.ThrowIfNull(levels);
        ArgumentNullException.ThrowIfNull(progress);
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = app.Address };
        foreach (var month in new[] { months.First, months.Second, months.First, months.Second })
            await BoardPrerender.FetchAsync(http, BoardMonths.Address(app.Address, month), CancellationToken.None);
        await Task.Delay(TimeSpan.FromSeconds(5));
        var baseline = app.ResidentBytes();
        var baselineHeap = await LiveHeap.BytesAsync(app.ProcessId);
        var connections = new ConcurrentBag<HubConnection>();
        var results = new List<RampLevel>();
        try
        {
            foreach (var level in levels)
            {
                var failures = 0;
                string? firstFailure = null;
                using (var gate = new SemaphoreSlim(OpenAtOnce))
                {
                    await Task.WhenAll(Enumerable.Range(0, level - connections.Count).Select(async _ =>
                    {
                        await gate.WaitAsync();
                        try
                        {
                            var builder = new HubConnectionBuilder()
                                .WithUrl(new Uri(app.Address, "_blazor"), HttpTransportType.WebSockets, o => o.Cookies = cookies);
                            builder.Services.AddSingleton<IHubProtocol>(new BlazorPackProtocol());
                            var connection = builder.Build();
                            connection.ServerTimeout = TimeSpan.FromMinutes(3);
                            await connection.StartAsync();
                            connections.Add(connection);
                        }
                        catch (Exception e) when (e is HttpRequestException or System.Net.WebSockets.WebSocketException or InvalidOperationException)
                        {
                            Interlocked.Increment(ref failures);
                            Interlocked.CompareExchange(ref firstFailure, e.Message, null);
                        }
                        finally
                        {
                            gate.Release();
                        }
                    }));
                }

                await Task.Delay(TimeSpan.FromSeconds(3));
                var residentNow = app.ResidentBytes();
                var result = new RampLevel(connections.Count, residentNow, baseline, await LiveHeap.BytesAsync(app.ProcessId), baselineHeap, app.Threads(), null, null, failures, LoadAverage.Read(), firstFailure);
                results.Add(result);
                progress($"floor {level}: {result.BytesPerOpen / 1e6:0.00} MB resident each, {result.HeapBytesPerOpen / 1e6:0.00} MB live heap each");
            }
        }
        finally
        {
            await Task.WhenAll(connections.Select(c => c.DisposeAsync().AsTask()));
        }

        return results;
    }
}
