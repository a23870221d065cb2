using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CxDashboard.EndToEnd.Benchmarks.Circuits;

/// <summary>
/// A prerendered board page as the server sent it, with what the browser script reads from it to start the page's
/// circuit: the server components' markers (<c>&lt;!--Blazor:{"type":"server",...}--&gt;</c>) and the persisted
/// component state (<c>&lt;!--Blazor-Server-Component-State:...--&gt;</c>).
/// </summary>
internal sealed partial record BoardPrerender(Uri PageAddress, IReadOnlyList<JsonObject> Markers, string ApplicationState)
{
    /// <summary>GETs the page with the signed-in cookies and reads its markers.</summary>
    public static async Task<BoardPrerender> FetchAsync(HttpClient client, Uri pageAddress, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(client);
        var html = await client.GetStringAsync(pageAddress, cancel);
        var markers = new List<JsonObject>();
        foreach (Match match in Marker().Matches(html))
        {
            var json = JsonNode.Parse(WebUtility.HtmlDecode(match.Groups["json"].Value))?.AsObject();
            if (json is not null && json["type"]?.GetValue<string>() == "server") markers.Add(json);
        }

        if (markers.Count == 0)
            throw new InvalidOperationException($"{pageAddress} has no server component marker: is the client signed in? It answered:\n{html[..Math.Min(html.Length, 400)]}");
        var state = State().Match(html);
        return new BoardPrerender(pageAddress, markers.OrderBy(m => m["sequence"]!.GetValue<int>()).ToList(), state.Success ? state.Groups["state"].Value : "");
    }

    /// <summary>
    /// The operations blazor.web.js sends in its first <c>UpdateRootComponents</c>: one "add" per server component, the
    /// marker as the page holds it plus the script's own unique id.
    /// </summary>
    public string RootComponentOperations()
    {
        var operations = new JsonArray();
        for (var i = 0; i < Markers.Count; i++)
        {
            var marker = Markers[i].DeepClone().AsObject();
            marker["uniqueId"] = i;
            operations.Add(new JsonObject { ["type"] = "add", ["ssrComponentId"] = i + 1, ["marker"] = marker });
        }

        return new JsonObject { ["batchId"] = 1, ["operations"] = operations }.ToJsonString(JsonOptions);
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = false };

    [GeneratedRegex("<!--Blazor:(?<json>\\{.*?\\})-->", RegexOptions.Singleline)]
    private static partial Regex Marker();

    [GeneratedRegex("<!--Blazor-Server-Component-State:(?<state>[A-Za-z0-9+/=]+)-->")]
    private static partial Regex State();
}
