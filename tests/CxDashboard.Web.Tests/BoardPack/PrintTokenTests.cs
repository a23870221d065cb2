using CxDashboard.Core.Time;
using CxDashboard.Web.BoardPack;
using CxDashboard.Web.Tests.Gates;
using Microsoft.AspNetCore.DataProtection;

namespace CxDashboard.Web.Tests.BoardPack;

/// <summary>
/// The print token that lets the server's Chromium open the board pack as the user who asked for the PDF: once, for two
/// minutes, for that user alone, and only while that user's security stamp (password, roles, sign-out everywhere) is
/// the one they held when they asked.
/// </summary>
public sealed class PrintTokenTests
{
    private static readonly YearMonth October = new(2026, 10);
    private static readonly PrintTokenHolder Elena = new("user-elena", "stamp-1");

    private readonly SettableClock _clock = new(GateStore.Now);
    private readonly EphemeralDataProtectionProvider _protection = new();

    private BoardPrintTokens Tokens() => new(_protection, _clock);

    private static Func<string, Task<string?>> Stamps(string? stamp = "stamp-1") => id => Task.FromResult(id == Elena.UserId ? stamp : null);

    [Fact]
    public async Task A_token_opens_the_pack_of_its_month_for_the_user_it_was_issued_to()
    {
        var tokens = Tokens();
        var token = tokens.Issue(Elena, October);

        var check = await tokens.CheckAsync(token, signedInUserId: null, Stamps());

        Assert.Equal(new PrintTokenCheck.Accepted("user-elena", October), check);
    }

    [Fact]
    public async Task A_token_is_accepted_once_and_refused_when_used_again()
    {
        var tokens = Tokens();
        var token = tokens.Issue(Elena, October);
        Assert.IsType<PrintTokenCheck.Accepted>(await tokens.CheckAsync(token, null, Stamps()));

        var again = await tokens.CheckAsync(token, null, Stamps());

        Assert.Contains("has been used already", Assert.IsType<PrintTokenCheck.Refused>(again).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_is_accepted_until_two_minutes_after_it_was_issued_and_refused_from_then_on()
    {
        var tokens = Tokens();
        var early = tokens.Issue(Elena, October);
        var late = tokens.Issue(Elena, October);

        _clock.Now = GateStore.Now + BoardPrintTokens.Lifetime - TimeSpan.FromSeconds(1);
        Assert.IsType<PrintTokenCheck.Accepted>(await tokens.CheckAsync(early, null, Stamps()));
        _clock.Now = GateStore.Now + BoardPrintTokens.Lifetime;
        var expired = await tokens.CheckAsync(late, null, Stamps());

        Assert.Contains("has expired", Assert.IsType<PrintTokenCheck.Refused>(expired).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_presented_by_a_browser_signed_in_as_another_user_is_refused()
    {
        var tokens = Tokens();
        var token = tokens.Issue(Elena, October);

        var check = await tokens.CheckAsync(token, signedInUserId: "user-marco", Stamps());

        Assert.Contains("issued to another user", Assert.IsType<PrintTokenCheck.Refused>(check).Reason, StringComparison.Ordinal);
        // Refused before it was spent: Elena's own print session can still use it.
        Assert.IsType<PrintTokenCheck.Accepted>(await tokens.CheckAsync(token, "user-elena", Stamps()));
    }

    [Fact]
    public async Task A_token_is_refused_once_its_user_changed_password_or_role_or_may_no_longer_sign_in()
    {
        var tokens = Tokens();

        var changed = await tokens.CheckAsync(tokens.Issue(Elena, October), null, Stamps("stamp-2"));
        var gone = await tokens.CheckAsync(tokens.Issue(Elena, October), null, Stamps(null));

        Assert.Contains("changed password or role", Assert.IsType<PrintTokenCheck.Refused>(changed).Reason, StringComparison.Ordinal);
        Assert.IsType<PrintTokenCheck.Refused>(gone);
    }

    [Fact]
    public async Task An_altered_token_or_one_another_app_issued_is_refused()
    {
        var tokens = Tokens();
        var token = tokens.Issue(Elena, October);
        var altered = token[..^2] + (token[^2] == 'A' ? 'B' : 'A') + token[^1];
        var foreign = new BoardPrintTokens(new EphemeralDataProtectionProvider(), _clock).Issue(Elena, October);

        foreach (var bad in new[] { altered, foreign, "", "not a token" })
        {
            var check = await tokens.CheckAsync(bad, null, Stamps());
            Assert.Contains("not one this app issued", Assert.IsType<PrintTokenCheck.Refused>(check).Reason, StringComparison.Ordinal);
        }
    }
}
