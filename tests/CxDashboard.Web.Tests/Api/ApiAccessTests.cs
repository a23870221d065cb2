using System.Net;
using System.Text;
using System.Text.Json;

namespace CxDashboard.Web.Tests.Api;

/// <summary>
/// The API on the real app: a key is needed and refused with a problem document (never a sign-in page) when missing,
/// unknown or revoked; a Read key reads the board but may not load; the board's figures come as JSON; the OpenAPI
/// document is open to anyone and describes both endpoints, their key and their refusals.
/// </summary>
public sealed class ApiAccessTests(ApiApp app) : IClassFixture<ApiApp>
{
    [Fact]
    public async Task Without_a_key_the_board_is_refused_with_401_and_a_problem_document_not_a_sign_in_page()
    {
        using var response = await app.Client.SendAsync(ApiApp.Request(HttpMethod.Get, "api/board", null));

        var problem = await ProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains("X-Api-Key", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task A_signed_in_person_without_a_key_is_refused_too()
    {
        var viewer = await app.SignedInClientAsync();

        using var response = await viewer.GetAsync(new Uri("api/board", UriKind.Relative));

        await ProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_unknown_key_is_refused_with_401()
    {
        using var response = await app.Client.SendAsync(ApiApp.Request(HttpMethod.Get, "api/board", "cxk_" + new string('A', 43)));

        var problem = await ProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains("not known", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_revoked_key_is_refused_with_401_saying_it_was_revoked()
    {
        using var response = await app.Client.SendAsync(ApiApp.Request(HttpMethod.Get, "api/board", app.RevokedKey));

        var problem = await ProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains("\"Old feed\" was revoked on", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_read_key_may_not_load_measurements()
    {
        using var content = new StringContent("month,kpi,channel,partner,segment,value,numerator,denominator,weight,note\n", Encoding.UTF8, "text/csv");
        using var response = await app.Client.SendAsync(ApiApp.Request(HttpMethod.Post, "api/measurements", app.ReadKey, content));

        var problem = await ProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Contains("\"BI dashboard\" may only read", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_read_key_reads_the_boards_figures_for_a_month()
    {
        using var response = await app.Client.SendAsync(ApiApp.Request(HttpMethod.Get, "api/board?month=2026-10", app.ReadKey));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var board = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("2026-10", board.GetProperty("month").GetString());
        Assert.Equal("api:BI dashboard", board.GetProperty("generatedBy").GetString());
        var rox = board.GetProperty("headline").EnumerateArray().Single(h => h.GetProperty("key").GetString() == "rox");
        Assert.Equal(223.2m, Math.Round(rox.GetProperty("value").GetDecimal(), 1));
        Assert.Equal(7, board.GetProperty("kpis").GetArrayLength());
    }

    [Fact]
    public async Task The_key_may_come_as_a_bearer_token_and_without_a_month_the_latest_month_is_given()
    {
        using var response = await app.Client.SendAsync(ApiApp.BearerRequest(HttpMethod.Get, "api/board", app.WriteKey));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var board = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("2026-10", board.GetProperty("month").GetString());
    }

    [Fact]
    public async Task A_month_that_is_not_a_month_is_refused_with_400_naming_it()
    {
        using var response = await app.Client.SendAsync(ApiApp.Request(HttpMethod.Get, "api/board?month=2026-13", app.ReadKey));

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("month=2026-13 is not a month: write it as YYYY-MM, for example month=2026-10, or leave it out for the latest month with data.",
            problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_partner_key_reads_its_partners_board_only()
    {
        using var response = await app.Client.SendAsync(ApiApp.Request(HttpMethod.Get, "api/board?month=2026-10", app.AtlasKey));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var board = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Atlas Contact Solutions", board.GetProperty("partnerScope").GetString());
    }

    [Fact]
    public async Task A_batch_larger_than_the_upload_limit_is_refused_with_413()
    {
        var rows = new StringBuilder("month,kpi,channel,partner,segment,value,numerator,denominator,weight,note\n");
        while (rows.Length < 1_200_000) rows.Append("2026-10,FCR,VOICE,ATLAS,CONSUMER,0.72,720,1000,,\n");
        using var content = new StringContent(rows.ToString(), Encoding.UTF8, "text/csv");

        using var request = ApiApp.Request(HttpMethod.Post, "api/measurements", app.WriteKey, content);
        // As a careful client does: the refusal comes before the body is sent, instead of the server closing the
        // connection under a body it will not read (a broken pipe on a busy machine).
        request.Headers.ExpectContinue = true;

        using var response = await app.Client.SendAsync(request);

        var problem = await ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("larger than 1 MB", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("Uploads:MaxMegabytes", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_that_is_neither_JSON_nor_CSV_is_refused_with_415()
    {
        using var content = new StringContent("hello", Encoding.UTF8, "text/plain");

        using var response = await app.Client.SendAsync(ApiApp.Request(HttpMethod.Post, "api/measurements", app.WriteKey, content));

        var problem = await ProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.Contains("text/csv", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_OpenAPI_document_is_open_to_anyone_and_describes_both_endpoints_their_key_and_their_refusals()
    {
        using var response = await app.Client.GetAsync(new Uri("openapi/v1.json", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var paths = document.GetProperty("paths");
        Assert.Equal(["/api/board", "/api/measurements"], paths.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey");
        Assert.Equal(("apiKey", "header", "X-Api-Key"), (scheme.GetProperty("type").GetString(), scheme.GetProperty("in").GetString(), scheme.GetProperty("name").GetString()));
        var post = paths.GetProperty("/api/measurements").GetProperty("post");
        Assert.True(post.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _));
        Assert.True(post.GetProperty("requestBody").GetProperty("content").TryGetProperty("text/csv", out _));
        var responses = post.GetProperty("responses").EnumerateObject().Select(r => r.Name).ToHashSet();
        Assert.Superset(new HashSet<string> { "200", "401", "403", "409", "413", "422" }, responses);
        Assert.True(paths.GetProperty("/api/board").GetProperty("get").GetProperty("responses").GetProperty("200").TryGetProperty("content", out _));
        Assert.NotEmpty(post.GetProperty("security").EnumerateArray());
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem;
    }
}
