using System.Net;

namespace CxDashboard.EndToEnd.Benchmarks.Circuits;

/// <summary>
/// The two months the readers switch between, and how each month's board is recognised in a render batch: the board's
/// <c>data-month</c> attribute with that month, which the board writes only once that month's figures are loaded (the
/// batch's string table carries the attribute's name and value). Each month's prerendered page is checked to be a
/// board of that month first.
/// </summary>
internal sealed class BoardMonths
{
    public string First { get; } = "2026-10";

    public string Second { get; } = "2026-09";

    public static Uri Address(Uri app, string month) => new(app, $"?month={month}");

    public static IReadOnlyList<string> Marks(string month) => ["data-month", month];

    public static async Task<BoardMonths> ReadAsync(Uri app, CookieContainer cookies)
    {
        var months = new BoardMonths();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = app };
        foreach (var month in new[] { months.First, months.Second })
        {
            var html = await http.GetStringAsync(BoardMonths.Address(app, month));
            if (!html.Contains($"data-month=\"{month}\"", StringComparison.Ordinal))
                throw new InvalidOperationException($"The prerendered page for {month} holds no board of that month.");
        }

        return months;
    }
}
