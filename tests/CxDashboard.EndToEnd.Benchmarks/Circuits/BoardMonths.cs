using System.Net;
using System.Text.RegularExpressions;

namespace CxDashboard.EndToEnd.Benchmarks.Circuits;

/// <summary>
/// The two months the readers switch between, and how each month's board is recognised in a render batch: its page
/// title ("ROX board · October 2026"), which the board writes only once that month's figures are loaded. The titles are
/// read from the server's own prerendered pages, in the organisation's culture.
/// </summary>
internal sealed partial class BoardMonths
{
    private readonly Dictionary<string, string> _titles = [];

    public string First { get; } = "2026-10";

    public string Second { get; } = "2026-09";

    public static Uri Address(Uri app, string month) => new(app, $"?month={month}");

    public string Title(string month) => _titles[month];

    public static async Task<BoardMonths> ReadAsync(Uri app, CookieContainer cookies)
    {
        var months = new BoardMonths();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = app };
        foreach (var month in new[] { months.First, months.Second })
        {
            var html = await http.GetStringAsync(BoardMonths.Address(app, month));
            var title = WebUtility.HtmlDecode(TitleTag().Match(html).Groups["title"].Value);
            if (!title.Contains("ROX board", StringComparison.Ordinal) || title.Contains("CxDashboard", StringComparison.Ordinal))
                throw new InvalidOperationException($"The board for {month} has no month in its title: \"{title}\".");
            months._titles[month] = title;
        }

        return months;
    }

    [GeneratedRegex("<title>(?<title>[^<]*)</title>")]
    private static partial Regex TitleTag();
}
