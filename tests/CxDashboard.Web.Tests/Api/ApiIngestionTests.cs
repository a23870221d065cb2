using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using CxDashboard.Data;
using CxDashboard.Data.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Web.Tests.Api;

/// <summary>
/// Loading measurements through POST /api/measurements on the real app: a good batch is stored and recorded in the
/// import history under its key; a bad one is refused whole with every problem listed; the same batch sent again, or
/// retried after the caller gave up waiting, stores nothing twice; a partner's key loads its partner's rows only.
/// Each test writes a KPI of its own, so the tests do not see each other's rows.
/// </summary>
public sealed class ApiIngestionTests(ApiApp app) : IClassFixture<ApiApp>
{
    private const string Header = "month,kpi,channel,partner,segment,value,numerator,denominator,weight,note";
    private static readonly string[] Channels = ["VOICE", "CHAT", "EMAIL", "SELF"];
    private static readonly string[] Partners = ["INHOUSE", "ATLAS", "MERIDIAN"];
    private static readonly string[] Segments = ["CONSUMER", "BUSINESS"];

    [Fact]
    public async Task A_CSV_batch_is_stored_and_the_import_history_and_audit_trail_name_the_key()
    {
        var csv = Csv(RatioRows("FCR", ["2026-11"], 0.7));

        using var response = await PostAsync(app.WriteKey, csv, "text/csv");

        var result = await ResultAsync(response);
        Assert.Equal(("Committed", 24, 24, 0), (result.GetProperty("status").GetString(), result.GetProperty("rows").GetInt32(), result.GetProperty("inserted").GetInt32(), result.GetProperty("updated").GetInt32()));
        var importId = result.GetProperty("importId").GetInt64();
        await using var db = Context();
        var import = await db.Imports.SingleAsync(i => i.Id == importId);
        Assert.Equal((ImportSource.Api, "Genesys nightly export", "api:Genesys nightly export", ImportStatus.Committed, ImportFormat.Csv),
            (import.Source, import.ApiKeyName, import.UserName, import.Status, import.Format));
        Assert.Equal(24, await db.Measurements.CountAsync(m => m.ImportId == importId));
        var audit = await db.AuditEntries.Where(e => e.ImportId == importId).ToListAsync();
        Assert.NotEmpty(audit);
        Assert.All(audit, e => Assert.Equal("api:Genesys nightly export", e.UserName));
    }

    [Fact]
    public async Task A_JSON_batch_is_stored_and_a_JSON_batch_with_problems_is_refused_whole_listing_each_item()
    {
        var items = RatioRows("CSAT", ["2026-11"], 0.8).Select(r => new
        {
            month = r[0], kpi = r[1], channel = r[2], partner = r[3], segment = r[4],
            numerator = double.Parse(r[6], CultureInfo.InvariantCulture), denominator = double.Parse(r[7], CultureInfo.InvariantCulture),
        }).ToList();

        using var good = await PostAsync(app.WriteKey, JsonSerializer.Serialize(items), "application/json");
        var result = await ResultAsync(good);
        Assert.Equal(24, result.GetProperty("inserted").GetInt32());

        var bad = new object[]
        {
            items[0],
            new { month = "2026-11", kpi = "CSAT", channel = "FAX", partner = "ATLAS", segment = "CONSUMER", numerator = 1.0, denominator = 2.0 },
            new { month = "2026-11", kpi = "CSAT", channel = "VOICE", partner = "ATLAS", segment = "CONSUMER", numerator = 5.0, denominator = 2.0 },
        };
        var before = await CountAsync("CSAT");
        using var refused = await PostAsync(app.WriteKey, JsonSerializer.Serialize(bad), "application/json");

        var problems = await ProblemsAsync(refused);
        Assert.Equal([2, 3], problems.Select(p => p.GetProperty("item").GetInt32()));
        Assert.Equal(["channel", "numerator"], problems.Select(p => p.GetProperty("column").GetString()));
        Assert.Equal("FAX", problems[0].GetProperty("value").GetString());
        Assert.All(problems, p => Assert.False(string.IsNullOrWhiteSpace(p.GetProperty("fix").GetString())));
        Assert.Equal(before, await CountAsync("CSAT"));
    }

    [Fact]
    public async Task A_CSV_batch_with_bad_rows_is_refused_whole_with_the_line_column_value_reason_and_fix_of_each()
    {
        var rows = RatioRows("CPC", ["2026-11"], 4.2).Take(3).ToList();
        rows.Add(["2026-13", "CPC", "VOICE", "ATLAS", "CONSUMER", "", "420", "100", "", ""]);
        rows.Add(["2026-11", "XYZ", "VOICE", "ATLAS", "CONSUMER", "", "420", "100", "", ""]);
        var before = await CountAsync("CPC");

        using var response = await PostAsync(app.WriteKey, Csv(rows), "text/csv");

        var problems = await ProblemsAsync(response);
        Assert.Equal([(5, "month", "2026-13"), (6, "kpi", "XYZ")],
            problems.Select(p => (p.GetProperty("line").GetInt32(), p.GetProperty("column").GetString(), p.GetProperty("value").GetString())));
        Assert.All(problems, p => Assert.False(string.IsNullOrWhiteSpace(p.GetProperty("reason").GetString())));
        Assert.Equal(before, await CountAsync("CPC"));
    }

    [Fact]
    public async Task The_same_batch_sent_twice_is_stored_once_with_the_same_totals()
    {
        var csv = Csv(RatioRows("CONTAINMENT", ["2026-11"], 0.3));

        using var first = await PostAsync(app.WriteKey, csv, "text/csv");
        var totals = await TotalsAsync("CONTAINMENT");
        using var second = await PostAsync(app.WriteKey, csv, "text/csv");

        Assert.Equal((24, 0), Counts(await ResultAsync(first)));
        Assert.Equal((0, 24), Counts(await ResultAsync(second)));
        Assert.Equal(totals, await TotalsAsync("CONTAINMENT"));
        Assert.Equal(24, totals.Rows);
    }

    [Fact]
    public async Task A_batch_retried_after_the_caller_gave_up_waiting_is_stored_once()
    {
        // Complaints for every month from 2000 to October 2024: months the demo has no complaints for.
        var months = Enumerable.Range(0, 298).Select(i => new DateOnly(2000, 1, 1).AddMonths(i).ToString("yyyy-MM", CultureInfo.InvariantCulture)).ToList();
        var rows = months.SelectMany(m => Combinations().Select((c, i) => new[] { m, "COMPLAINTS", c.Channel, c.Partner, c.Segment, (i + 1).ToString(CultureInfo.InvariantCulture), "", "", "", "" })).ToList();
        var csv = Csv(rows);

        // The caller stops waiting almost at once: the batch may have been stored, or not yet, or not at all.
        using (var impatient = new CancellationTokenSource(TimeSpan.FromMilliseconds(50)))
        {
            try
            {
                using var abandoned = await app.Client.SendAsync(ApiApp.Request(HttpMethod.Post, "api/measurements", app.WriteKey, Content(csv, "text/csv")), impatient.Token);
            }
            catch (OperationCanceledException)
            {
                // What a timed-out client sees.
            }
        }

        // It retries until the API says the batch is stored; while the first is still being stored, it is told to wait.
        JsonElement result = default;
        for (var attempt = 0; attempt < 20; attempt++)
        {
            using var retry = await PostAsync(app.WriteKey, csv, "text/csv");
            if (retry.StatusCode == HttpStatusCode.Conflict)
            {
                Assert.NotNull(retry.Headers.RetryAfter);
                await Task.Delay(TimeSpan.FromSeconds(1));
                continue;
            }

            result = await ResultAsync(retry);
            break;
        }

        Assert.Equal(rows.Count, result.GetProperty("inserted").GetInt32() + result.GetProperty("updated").GetInt32());
        var totals = await TotalsAsync("COMPLAINTS", 200001, 202410);
        Assert.Equal(rows.Count, totals.Rows);
        Assert.Equal(rows.Sum(r => double.Parse(r[5], CultureInfo.InvariantCulture)), totals.Value);
    }

    [Fact]
    public async Task A_partner_key_may_load_its_own_partners_rows_but_not_another_partners()
    {
        var atlasOnly = RatioRows("CPC", ["2026-10"], 3.9).Where(r => r[3] == "ATLAS").ToList();
        var withMeridian = atlasOnly.Take(1).Append(["2026-10", "CPC", "VOICE", "MERIDIAN", "CONSUMER", "", "390", "100", "", ""]).ToList();
        var before = await TotalsAsync("CPC", 202610, 202610);

        using var refused = await PostAsync(app.AtlasKey, Csv(withMeridian), "text/csv");
        var problem = Assert.Single(await ProblemsAsync(refused));
        Assert.Equal((3, "partner"), (problem.GetProperty("line").GetInt32(), problem.GetProperty("column").GetString()));
        Assert.Equal(before, await TotalsAsync("CPC", 202610, 202610));

        using var stored = await PostAsync(app.AtlasKey, Csv(atlasOnly), "text/csv");
        var result = await ResultAsync(stored);
        Assert.Equal(atlasOnly.Count, Counts(result).Inserted + Counts(result).Updated);
        await using var db = Context();
        var import = await db.Imports.SingleAsync(i => i.Id == result.GetProperty("importId").GetInt64());
        var atlas = await db.Partners.Where(p => p.Code == "ATLAS").Select(p => p.Id).SingleAsync();
        Assert.Equal(atlas, import.PartnerId);
        Assert.Equal(atlasOnly.Count, await db.Measurements.CountAsync(m => m.ImportId == import.Id && m.PartnerId == atlas));
    }

    private static IEnumerable<(string Channel, string Partner, string Segment)> Combinations() =>
        from c in Channels from p in Partners from s in Segments select (c, p, s);

    /// <summary>One row per channel, partner and segment for each month: numerator = rate × denominator.</summary>
    private static List<string[]> RatioRows(string kpi, IEnumerable<string> months, double rate) =>
        months.SelectMany(m => Combinations().Select((c, i) =>
        {
            var denominator = 1000 + 10 * i;
            return new[] { m, kpi, c.Channel, c.Partner, c.Segment, "", (rate * denominator).ToString("R", CultureInfo.InvariantCulture), denominator.ToString(CultureInfo.InvariantCulture), "", "" };
        })).ToList();

    private static string Csv(IEnumerable<string[]> rows)
    {
        var text = new StringBuilder(Header).Append('\n');
        foreach (var row in rows) text.AppendJoin(',', row).Append('\n');
        return text.ToString();
    }

    private static StringContent Content(string body, string mediaType) => new(body, Encoding.UTF8, mediaType);

    private Task<HttpResponseMessage> PostAsync(string key, string body, string mediaType) =>
        app.Client.SendAsync(ApiApp.Request(HttpMethod.Post, "api/measurements", key, Content(body, mediaType)));

    private static async Task<JsonElement> ResultAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    private static async Task<List<JsonElement>> ProblemsAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var document = JsonDocument.Parse(body).RootElement;
        Assert.Contains("nothing was stored", document.GetProperty("detail").GetString(), StringComparison.Ordinal);
        return [.. document.GetProperty("problems").EnumerateArray()];
    }

    private static (int Inserted, int Updated) Counts(JsonElement result) =>
        (result.GetProperty("inserted").GetInt32(), result.GetProperty("updated").GetInt32());

    private CxDbContext Context() => app.Store.GetRequiredService<IDbContextFactory<CxDbContext>>().CreateDbContext();

    private async Task<int> CountAsync(string kpi)
    {
        await using var db = Context();
        return await db.Measurements.CountAsync(m => m.Kpi!.Code == kpi);
    }

    private async Task<(int Rows, double Value, double Numerator)> TotalsAsync(string kpi, int from = 202611, int to = 202611)
    {
        await using var db = Context();
        var rows = await db.Measurements.Where(m => m.Kpi!.Code == kpi && m.Month >= from && m.Month <= to)
            .Select(m => new { m.Value, m.Numerator }).ToListAsync();
        return (rows.Count, rows.Sum(r => r.Value), rows.Sum(r => r.Numerator ?? 0));
    }
}
