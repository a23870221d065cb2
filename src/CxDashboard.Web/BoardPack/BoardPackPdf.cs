using System.Globalization;
using System.Security.Claims;
using CxDashboard.Core.Time;
using CxDashboard.Data.Queries;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CxDashboard.Web.BoardPack;

/// <summary>
/// Makes the board pack's PDF on the server: the same pages as the print view, printed by a headless Chromium that opens
/// the board through a single-use print token of the user who asked (so a partner user's PDF holds only their rows).
/// Without Chromium on the server, <see cref="IsAvailable"/> is false and the board's button opens the browser's own
/// print dialog instead.
/// </summary>
public sealed partial class BoardPackPdf(
    IOptions<BoardPackOptions> options,
    ServerChromium chromium,
    BoardPrintTokens tokens,
    OrganisationQueries organisation,
    IServer server,
    IOptions<IdentityOptions> identity,
    ILogger<BoardPackPdf> logger) : IDisposable
{
    /// <summary>The address Chromium opens: it signs the print session in and goes on to the board.</summary>
    public const string PrintSessionPath = "board/print-session";

    private readonly SemaphoreSlim _turns = new(options.Value.ConcurrentPdfs, options.Value.ConcurrentPdfs);

    /// <summary>True when this server can print the PDF itself.</summary>
    public bool IsAvailable => chromium.IsAvailable;

    /// <summary>The file name of a month's pack.</summary>
    public static string FileName(YearMonth month) => $"cxdashboard-board-pack-{month}.pdf";

    /// <summary>
    /// The pack of <paramref name="month"/> as <paramref name="user"/> sees it, as a PDF on the paper of the organisation's
    /// country (US Letter where the country does not use the metric system, else A4). Throws
    /// <see cref="ChromiumPrintException"/> with the reason when Chromium is missing or cannot print it.
    /// </summary>
    public async Task<byte[]> PrintAsync(ClaimsPrincipal user, YearMonth month, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!chromium.IsAvailable)
            throw new ChromiumPrintException($"There is no Chromium at {chromium.Path} on this server, so it cannot make the PDF: use the browser's print dialog instead.");
        var holder = new PrintTokenHolder(
            user.FindFirstValue(identity.Value.ClaimsIdentity.UserIdClaimType) ?? throw new ChromiumPrintException("Sign in again to make the PDF: your session names no user."),
            user.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType) ?? "");
        var address = new Uri(PrintBase(), $"{PrintSessionPath}?token={Uri.EscapeDataString(tokens.Issue(holder, month))}");
        var paper = await PaperAsync(cancellationToken);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.TimeoutSeconds));
        await _turns.WaitAsync(timeout.Token);
        try
        {
            await using var browser = ChromiumPrint.Start(chromium.Path);
            try
            {
                return await browser.PrintAsync(address, paper, Readiness, timeout.Token);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                LogTimedOut(logger, options.Value.TimeoutSeconds, browser.ErrorOutput);
                throw new ChromiumPrintException(string.Create(CultureInfo.InvariantCulture,
                    $"The board pack was not ready to print within {options.Value.TimeoutSeconds} seconds. Try again, or use the browser's print dialog."));
            }
        }
        finally
        {
            _turns.Release();
        }
    }

    private async Task<Paper> PaperAsync(CancellationToken cancellationToken)
    {
        var culture = (await organisation.SettingsAsync(cancellationToken)).Culture;
        try
        {
            var region = new RegionInfo(CultureInfo.CreateSpecificCulture(culture).Name);
            return region.IsMetric ? Paper.A4 : Paper.Letter;
        }
        catch (ArgumentException)
        {
            return Paper.A4;
        }
    }

    /// <summary>The app's own address for Chromium: the configured one, else the first it listens on (a wildcard host as loopback).</summary>
    private Uri PrintBase()
    {
        var configured = options.Value.PrintAddress;
        var address = !string.IsNullOrWhiteSpace(configured)
            ? configured
            : server.Features.Get<IServerAddressesFeature>()?.Addresses
                .OrderBy(a => a.StartsWith("https:", StringComparison.OrdinalIgnoreCase) ? 1 : 0)
                .FirstOrDefault()
            ?? throw new ChromiumPrintException("The app does not know the address it listens on: set BoardPack:PrintAddress.");
        var uri = new UriBuilder(address.Replace("://+", "://127.0.0.1", StringComparison.Ordinal).Replace("://*", "://127.0.0.1", StringComparison.Ordinal));
        if (uri.Host is "0.0.0.0" or "[::]" or "::") uri.Host = "127.0.0.1";
        uri.Path = uri.Path.TrimEnd('/') + "/";
        return uri.Uri;
    }

    /// <summary>
    /// The page is ready to print once the board (or its no-data or error message) is there with its pack sections and partner
    /// comparison loaded (both load in the interactive circuit, not in the prerendered page) and every chart on it is drawn; a refused print session, or a sign-in page, stops at once.
    /// </summary>
    private const string Readiness = """
        (() => {
          const refused = document.getElementById('cx-print-refused');
          if (refused) return 'refused: ' + refused.textContent;
          if (location.pathname.startsWith('/account/')) return 'refused: the print session was not signed in.';
          const board = document.querySelector('[data-testid=board]');
          if (!board) return document.querySelector('[data-testid=no-data], [data-testid=board-error]') ? 'ready' : 'waiting';
          if (!document.querySelector('[data-testid=pack-footer], [data-testid=pack-error]')) return 'waiting';
          if (board.querySelector('[data-testid=board-partners][data-state=loading]')) return 'waiting';
          const charts = [...board.querySelectorAll('div[role=img]')];
          const drawn = c => c.querySelector('svg.apexcharts-svg') || (c.parentElement && c.parentElement.querySelector('.cx-chart-failure'));
          return charts.every(drawn) ? 'ready' : 'waiting';
        })()
        """;

    [LoggerMessage(Level = LogLevel.Warning, Message = "The board pack's PDF was not ready within {Seconds} s. Chromium wrote: {Errors}")]
    private static partial void LogTimedOut(ILogger logger, int seconds, string errors);

    public void Dispose() => _turns.Dispose();
}
