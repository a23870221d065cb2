using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using CxDashboard.Data.ApiKeys;
using CxDashboard.Data.Model;
using CxDashboard.Web.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace CxDashboard.Web.Api;

/// <summary>The names the API's authentication uses.</summary>
public static class ApiKeyDefaults
{
    /// <summary>The authentication scheme of the /api endpoints.</summary>
    public const string Scheme = "ApiKey";

    /// <summary>The header that carries the key.</summary>
    public const string Header = "X-Api-Key";

    /// <summary>The claim that holds the key's access (Read or ReadWrite).</summary>
    public const string AccessClaim = "cx:api_access";

    /// <summary>The claim that holds the key's name.</summary>
    public const string KeyNameClaim = "cx:api_key";

    /// <summary>What the store's audit trail and import history call a caller with this key: "api:" and its name.</summary>
    public static string ActorName(string keyName) => "api:" + keyName;
}

/// <summary>Options of the API key scheme; there are none to set.</summary>
public sealed class ApiKeyAuthenticationOptions : AuthenticationSchemeOptions;

/// <summary>
/// Signs in an integration by its API key (<c>X-Api-Key: cxk_…</c>, or <c>Authorization: Bearer cxk_…</c>). The
/// principal is named "api:" and the key's name and carries the key's partner scope, so the store's audit and partner
/// filters apply to it as to a person. A missing, unknown or revoked key is answered with 401 and a problem document
/// saying which; a key without the access an endpoint needs with 403. Never a redirect to a sign-in page.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<ApiKeyAuthenticationOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyStore keys)
    : AuthenticationHandler<ApiKeyAuthenticationOptions>(options, logger, encoder)
{
    private string? _refusal;

    /// <inheritdoc />
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var secret = SecretOf(Request);
        if (secret is null)
        {
            _refusal = $"This call needs an API key: send it in the {ApiKeyDefaults.Header} header (or as Authorization: Bearer). An administrator creates keys in Settings, API keys.";
            return AuthenticateResult.NoResult();
        }

        var key = await keys.FindAsync(secret, Context.RequestAborted);
        if (key is null)
        {
            _refusal = "This API key is not known: check that it was copied whole (it starts with cxk_ and has 47 characters), or ask an administrator for a new one.";
            return AuthenticateResult.Fail(_refusal);
        }

        if (key.RevokedUtc is { } revoked)
        {
            _refusal = $"The API key \"{key.Name}\" was revoked on {revoked.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC by {key.RevokedBy}: ask an administrator for a new key.";
            return AuthenticateResult.Fail(_refusal);
        }

        await keys.NoteUseAsync(key, Context.RequestAborted);
        return AuthenticateResult.Success(new AuthenticationTicket(PrincipalOf(key), Scheme.Name));
    }

    /// <inheritdoc />
    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        ApiProblems.WriteAsync(Context, StatusCodes.Status401Unauthorized, "API key missing or refused",
            _refusal ?? "This call needs a valid API key in the X-Api-Key header.",
            headers => headers.WWWAuthenticate = $"{ApiKeyDefaults.Scheme} header=\"{ApiKeyDefaults.Header}\", Bearer");

    /// <inheritdoc />
    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        var key = Context.User.FindFirst(ApiKeyDefaults.KeyNameClaim)?.Value ?? "this key";
        return ApiProblems.WriteAsync(Context, StatusCodes.Status403Forbidden, "API key not allowed to do this",
            $"The API key \"{key}\" may only read: loading measurements needs a key with ReadWrite access. An administrator creates one in Settings, API keys.");
    }

    /// <summary>The principal an integration works as.</summary>
    public static ClaimsPrincipal PrincipalOf(ApiKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, ApiKeyDefaults.ActorName(key.Name)),
            new(ApiKeyDefaults.KeyNameClaim, key.Name),
            new(ApiKeyDefaults.AccessClaim, key.Access.ToString()),
        };
        if (key.PartnerId is { } partner) claims.Add(new Claim(CxClaims.Partner, partner.ToString(CultureInfo.InvariantCulture)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, ApiKeyDefaults.Scheme));
    }

    private static string? SecretOf(HttpRequest request)
    {
        if (request.Headers[ApiKeyDefaults.Header].ToString().Trim() is { Length: > 0 } header) return header;
        var authorization = request.Headers.Authorization.ToString();
        const string bearer = "Bearer ";
        return authorization.StartsWith(bearer, StringComparison.OrdinalIgnoreCase) && authorization[bearer.Length..].Trim() is { Length: > 0 } token
            ? token
            : null;
    }
}
