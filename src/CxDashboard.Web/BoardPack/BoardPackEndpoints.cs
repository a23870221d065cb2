using System.Globalization;
using System.Net;
using System.Security.Claims;
using CxDashboard.Core.Time;
using CxDashboard.Data.Access;
using CxDashboard.Web.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace CxDashboard.Web.BoardPack;

/// <summary>
/// The board pack's PDF download, and the print session the server's Chromium opens to print it: a single-use token of
/// the user who asked becomes a two-minute, read-only session of that user in that browser alone.
/// </summary>
public static partial class BoardPackEndpoints
{
    /// <summary>How long the print session lasts: the PDF is printed well within it, and it is never renewed.</summary>
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromMinutes(2);

    /// <summary>Maps GET /board/pack.pdf (signed-in users) and GET /board/print-session (the token is its own credential).</summary>
    public static IEndpointRouteBuilder MapCxBoardPack(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/board/pack.pdf", PdfAsync).RequireAuthorization().ExcludeFromDescription();
        endpoints.MapGet("/" + BoardPackPdf.PrintSessionPath, PrintSessionAsync).AllowAnonymous().ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> PdfAsync(HttpContext context, BoardPackPdf pdf, ILoggerFactory logs)
    {
        var text = context.Request.Query["month"].ToString();
        if (!YearMonth.TryParse(text, out var month))
            return Results.Problem($"month={text} is not a month: write it as YYYY-MM, for example month=2026-10.", statusCode: StatusCodes.Status400BadRequest);
        if (!pdf.IsAvailable)
        {
            return Results.Problem(
                "This server has no Chromium to make the PDF. Use the board's Print button, which opens your browser's print dialog: choose Save as PDF there.",
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        try
        {
            var bytes = await pdf.PrintAsync(context.User, month, context.RequestAborted);
            return Results.File(bytes, "application/pdf", BoardPackPdf.FileName(month));
        }
        catch (ChromiumPrintException e)
        {
            LogPdfFailed(logs.CreateLogger(typeof(BoardPackEndpoints)), e, month.ToString());
            return Results.Problem($"The PDF could not be made: {e.Message}", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }

    private static async Task<IResult> PrintSessionAsync(
        HttpContext context, BoardPrintTokens tokens, UserManager<CxUser> users, SignInManager<CxUser> signIn, TimeProvider time)
    {
        var signedIn = context.User.Identity?.IsAuthenticated == true ? users.GetUserId(context.User) : null;
        var check = await tokens.CheckAsync(context.Request.Query["token"].ToString(), signedIn, async id =>
            await users.FindByIdAsync(id) is { } user && !await users.IsLockedOutAsync(user) ? await users.GetSecurityStampAsync(user) : null);
        if (check is not PrintTokenCheck.Accepted accepted)
            return Refused(((PrintTokenCheck.Refused)check).Reason);

        var user = (await users.FindByIdAsync(accepted.UserId))!;
        var principal = await signIn.CreateUserPrincipalAsync(user);
        var identity = (ClaimsIdentity)principal.Identity!;
        // The print session reads; it never changes anything, whatever the user may do in their own session.
        foreach (var role in identity.FindAll(identity.RoleClaimType).Where(r => r.Value != CxRoles.Viewer).ToList())
            identity.RemoveClaim(role);
        if (!principal.IsInRole(CxRoles.Viewer)) identity.AddClaim(new Claim(identity.RoleClaimType, CxRoles.Viewer));
        var now = time.GetUtcNow();
        identity.AddClaim(new Claim(CxClaims.SignedIn, now.UtcDateTime.Ticks.ToString(CultureInfo.InvariantCulture)));
        await context.SignInAsync(IdentityConstants.ApplicationScheme, principal, new AuthenticationProperties
        {
            IsPersistent = false,
            AllowRefresh = false,
            IssuedUtc = now,
            ExpiresUtc = now + SessionLifetime,
        });
        return Results.Redirect("/?month=" + accepted.Month);
    }

    /// <summary>A page Chromium prints nothing from: the PDF request reads its reason and says it.</summary>
    private static IResult Refused(string reason) => Results.Content(
        $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Print link refused</title></head><body><p id=\"cx-print-refused\">{WebUtility.HtmlEncode(reason)}</p></body></html>",
        "text/html; charset=utf-8",
        statusCode: StatusCodes.Status403Forbidden);

    [LoggerMessage(Level = LogLevel.Error, Message = "The board pack's PDF for {Month} could not be made.")]
    private static partial void LogPdfFailed(ILogger logger, Exception exception, string month);
}
