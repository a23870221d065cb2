using System.Globalization;
using System.Text;
using CxDashboard.Data;
using CxDashboard.Data.ApiKeys;
using CxDashboard.Data.Model;
using CxDashboard.Data.Startup;
using CxDashboard.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CxDashboard.Web.Tests.Api;

/// <summary>
/// The app killed outright (SIGKILL) while it stores a million rows sent through POST /api/measurements: after a
/// restart the store holds all of that import or none of it, and the import history says which (Committed with every
/// row, or Failed as interrupted with none).
/// </summary>
public sealed class KilledMidImportTests(ITestOutputHelper output) : IDisposable
{
    private const int Rows = 1_000_000;

    // The demo's 4 channels, 3 partners and 2 segments give 24 rows per KPI and month; 30 more channels and segments
    // give 3,468, so a million FCR rows fit in the months from 2000 to October 2024, before the demo's data begins.
    private static readonly string[] ExtraCodes = Enumerable.Range(1, 30).Select(i => "T" + i.ToString("D2", CultureInfo.InvariantCulture)).ToArray();

    private readonly string _folder = Directory.CreateTempSubdirectory("cxdashboard-killed-import-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1500)]
    public async Task Killed_while_storing_a_million_rows_from_the_API_the_store_holds_all_of_the_import_or_none(int afterMilliseconds)
    {
        var batch = await WriteBatchAsync(Path.Combine(_folder, "million.csv"));
        string key;
        using (var app = await StartAppAsync())
        {
            key = await PrepareStoreAsync();
            using var client = new HttpClient { BaseAddress = app.Address, Timeout = Timeout.InfiniteTimeSpan };
            using var request = ApiApp.Request(HttpMethod.Post, "api/measurements", key, new StreamContent(File.OpenRead(batch)));
            request.Content!.Headers.ContentType = new("text/csv");
            var sending = client.SendAsync(request);

            // Killed once the import is in the history as running, that is, once it has begun to store its rows.
            var importId = await RunningImportAsync(sending);
            await Task.Delay(afterMilliseconds);
            app.Kill();
            try
            {
                using var answer = await sending;
            }
            catch (HttpRequestException)
            {
                // The connection died with the app, as it should when the app is killed before it answers.
            }

            Assert.True(importId > 0);
        }

        // The next start opens the store, and marks an import that was still running as interrupted.
        using (var again = await StartAppAsync())
            again.Kill();

        await using var db = Context();
        var import = await db.Imports.SingleAsync(i => i.Source == ImportSource.Api);
        var stored = await db.Measurements.CountAsync(m => m.ImportId == import.Id);
        var fcrBeforeTheDemo = await db.Measurements.CountAsync(m => m.Kpi!.Code == "FCR" && m.Month <= 202410);
        output.WriteLine($"Killed {afterMilliseconds} ms after import #{import.Id} was seen running: it is {import.Status}, with {stored:N0} rows stored.");
        if (import.Status == ImportStatus.Committed)
        {
            Assert.Equal((Rows, Rows, Rows), (stored, import.Inserted, fcrBeforeTheDemo));
        }
        else
        {
            Assert.Equal(ImportStatus.Failed, import.Status);
            Assert.Equal(StoreInitializer.InterruptedMessage, import.Message);
            Assert.Equal((0, 0), (stored, fcrBeforeTheDemo));
        }

        Assert.Equal(Rows, import.RowCount);
        Assert.Equal("ok", await IntegrityCheckAsync());
    }

    /// <summary>The extra channels and segments the batch uses, and a ReadWrite key, put straight into the store.</summary>
    private async Task<string> PrepareStoreAsync()
    {
        await using (var db = Context())
        {
            db.Channels.AddRange(ExtraCodes.Select((code, i) => new Channel { Code = code, Name = "Test channel " + code, SortOrder = 100 + i }));
            db.Segments.AddRange(ExtraCodes.Select((code, i) => new Segment { Code = code, Name = "Test segment " + code, SortOrder = 100 + i }));
            await db.SaveChangesAsync();
        }

        await using var services = Services();
        return (await services.GetRequiredService<ApiKeyStore>().CreateAsync("Bulk loader", ApiKeyAccess.ReadWrite, null, "admin@harbour.demo")).Secret;
    }

    private async Task<long> RunningImportAsync(Task<HttpResponseMessage> sending)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        while (!timeout.IsCancellationRequested)
        {
            if (sending.IsCompleted)
            {
                using var response = await sending;
                throw new InvalidOperationException($"The import ended before it was seen running: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }

            await using (var connection = new SqliteConnection(ReadOnly))
            {
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = "SELECT Id FROM Imports WHERE Source = 'Api' AND Status = 'Running'";
                if (await command.ExecuteScalarAsync() is long id) return id;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("The import was not seen running within 3 minutes.");
    }

    private async Task<string> IntegrityCheckAsync()
    {
        await using var connection = new SqliteConnection(ReadOnly);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private string ReadOnly => new SqliteConnectionStringBuilder
    {
        DataSource = Path.Combine(_folder, "cxdashboard.db"),
        Mode = SqliteOpenMode.ReadOnly,
        Pooling = false,
    }.ToString();

    private ServiceProvider Services()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:ConnectionString"] = new SqliteConnectionStringBuilder { DataSource = Path.Combine(_folder, "cxdashboard.db"), Pooling = false }.ToString(),
        }).Build();
        return new ServiceCollection().AddLogging().AddCxData(configuration, _folder).BuildServiceProvider();
    }

    private SqliteCxDbContext Context() => new(
        new DbContextOptionsBuilder<SqliteCxDbContext>()
            .UseSqlite(new SqliteConnectionStringBuilder { DataSource = Path.Combine(_folder, "cxdashboard.db"), Pooling = false }.ToString())
            .Options);

    /// <summary>The million FCR rows as a CSV file (about 45 MB).</summary>
    private static async Task<string> WriteBatchAsync(string path)
    {
        string[] channels = ["VOICE", "CHAT", "EMAIL", "SELF", .. ExtraCodes];
        string[] partners = ["INHOUSE", "ATLAS", "MERIDIAN"];
        string[] segments = ["CONSUMER", "BUSINESS", .. ExtraCodes];
        await using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        await writer.WriteAsync("month,kpi,channel,partner,segment,value,numerator,denominator,weight,note\n");
        var written = 0;
        for (var month = new DateOnly(2000, 1, 1); written < Rows; month = month.AddMonths(1))
        {
            var m = month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
            foreach (var channel in channels)
            foreach (var partner in partners)
            foreach (var segment in segments)
            {
                if (written == Rows) break;
                var denominator = 500 + written % 1000;
                await writer.WriteAsync(string.Create(CultureInfo.InvariantCulture, $"{m},FCR,{channel},{partner},{segment},,{denominator * 7 / 10},{denominator},,\n"));
                written++;
            }
        }

        return path;
    }

    /// <summary>The app over the demo store in the test's folder, with no backups by the clock.</summary>
    private Task<AppProcess> StartAppAsync() => AppProcess.StartAsync(_folder, new Dictionary<string, string>
    {
        ["Database__SeedDemoData"] = "true",
        ["Backups__Schedule"] = "off",
    });
}
