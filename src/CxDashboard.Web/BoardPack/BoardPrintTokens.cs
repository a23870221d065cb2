using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using CxDashboard.Core.Time;
using Microsoft.AspNetCore.DataProtection;

namespace CxDashboard.Web.BoardPack;

/// <summary>Who a print token was issued to: the user's id and the security stamp they held then.</summary>
/// <param name="UserId">The user's id in the store.</param>
/// <param name="SecurityStamp">Their security stamp when the token was issued: it changes with their password, roles and sign-out everywhere.</param>
public sealed record PrintTokenHolder(string UserId, string SecurityStamp);

/// <summary>What became of a print token presented to the print session.</summary>
public abstract record PrintTokenCheck
{
    /// <summary>Valid: the user it was issued to and the month of the pack.</summary>
    public sealed record Accepted(string UserId, YearMonth Month) : PrintTokenCheck;

    /// <summary>Refused, with why in a sentence.</summary>
    public sealed record Refused(string Reason) : PrintTokenCheck;
}

/// <summary>
/// The short-lived, single-use tokens that let the server's headless Chromium open the board pack as the user who asked
/// for the PDF, and as no one else. A token is protected with ASP.NET Core data protection (so it cannot be forged or
/// altered), names the user and the security stamp they held, expires after <see cref="Lifetime"/> and is accepted once.
/// Tokens are redeemed by the instance that issued them (its own Chromium, on its own loopback address), so the
/// redeemed ones are remembered in memory until they expire.
/// </summary>
public sealed class BoardPrintTokens(IDataProtectionProvider protection, TimeProvider time)
{
    /// <summary>How long a token can be redeemed after it is issued: long enough for Chromium to start and open it.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(2);

    private readonly IDataProtector _protector = protection.CreateProtector("CxDashboard.BoardPack.PrintToken.v1");
    private readonly ConcurrentDictionary<string, DateTimeOffset> _redeemed = new(StringComparer.Ordinal);

    /// <summary>A new token for <paramref name="holder"/> to print the pack of <paramref name="month"/>.</summary>
    public string Issue(PrintTokenHolder holder, YearMonth month)
    {
        ArgumentNullException.ThrowIfNull(holder);
        var payload = new Payload(
            Convert.ToHexString(RandomNumberGenerator.GetBytes(16)),
            holder.UserId,
            holder.SecurityStamp,
            month.Key,
            (time.GetUtcNow() + Lifetime).ToUnixTimeMilliseconds());
        return _protector.Protect(JsonSerializer.Serialize(payload));
    }

    /// <summary>
    /// Accepts <paramref name="token"/> once, before it expires, for its own user only: refused when it was not issued by
    /// this app (or was altered), has expired, was already used, when the browser presenting it is signed in as someone
    /// else (<paramref name="signedInUserId"/>), or when its user is gone, locked out or holds another security stamp now
    /// (<paramref name="currentStampOf"/> returns null for a user who may not sign in).
    /// </summary>
    public async Task<PrintTokenCheck> CheckAsync(string? token, string? signedInUserId, Func<string, Task<string?>> currentStampOf)
    {
        ArgumentNullException.ThrowIfNull(currentStampOf);
        if (string.IsNullOrEmpty(token) || Unprotect(token) is not { } payload)
            return new PrintTokenCheck.Refused("This print link is not one this app issued, or it was altered. Ask for the PDF again from the board.");

        var now = time.GetUtcNow();
        var expires = DateTimeOffset.FromUnixTimeMilliseconds(payload.ExpiresUnixMs);
        if (now >= expires)
            return new PrintTokenCheck.Refused("This print link has expired: they last two minutes. Ask for the PDF again from the board.");
        if (signedInUserId is not null && !string.Equals(signedInUserId, payload.UserId, StringComparison.Ordinal))
            return new PrintTokenCheck.Refused("This print link was issued to another user than the one signed in here, so it is refused.");

        foreach (var (id, until) in _redeemed)
            if (until <= now) _redeemed.TryRemove(id, out _);
        if (!_redeemed.TryAdd(payload.Id, expires))
            return new PrintTokenCheck.Refused("This print link has been used already: each opens the board pack once. Ask for the PDF again from the board.");

        var stamp = await currentStampOf(payload.UserId);
        if (stamp is null || !string.Equals(stamp, payload.SecurityStamp, StringComparison.Ordinal))
            return new PrintTokenCheck.Refused("The user this print link was issued to has signed out everywhere, changed password or role, or may no longer sign in, so it is refused.");

        return new PrintTokenCheck.Accepted(payload.UserId, YearMonth.FromKey(payload.Month));
    }

    private Payload? Unprotect(string token)
    {
        try
        {
            return JsonSerializer.Deserialize<Payload>(_protector.Unprotect(token));
        }
        catch (Exception e) when (e is CryptographicException or JsonException or FormatException)
        {
            return null;
        }
    }

    private sealed record Payload(string Id, string UserId, string SecurityStamp, int Month, long ExpiresUnixMs);
}
