using CxDashboard.Data.Access;
using CxDashboard.Data.ApiKeys;
using CxDashboard.Data.Model;
using CxDashboard.Data.Queries;
using CxDashboard.Web.Access;

namespace CxDashboard.Web.Settings;

/// <summary>An API key as the settings list shows it (never its secret).</summary>
/// <param name="Id">The key's id.</param>
/// <param name="Name">What the integration is.</param>
/// <param name="Prefix">The secret's first characters, to tell keys apart.</param>
/// <param name="Access">Read or ReadWrite.</param>
/// <param name="PartnerId">The partner it is limited to; null for the whole organisation.</param>
/// <param name="Scope">The partner's name, or "whole organisation".</param>
/// <param name="CreatedBy">Who created it.</param>
/// <param name="CreatedUtc">When, UTC.</param>
/// <param name="LastUsedUtc">When it was last used (to the minute), UTC; null when never.</param>
/// <param name="RevokedUtc">When it was revoked, UTC; null while it works.</param>
/// <param name="RevokedBy">Who revoked it.</param>
public sealed record ApiKeySummary(
    int Id, string Name, string Prefix, ApiKeyAccess Access, int? PartnerId, string Scope,
    string CreatedBy, DateTime CreatedUtc, DateTime? LastUsedUtc, DateTime? RevokedUtc, string? RevokedBy)
{
    /// <summary>True once revoked: every call with it is refused.</summary>
    public bool IsRevoked => RevokedUtc is not null;
}

/// <summary>What the "Create key" form sends; <paramref name="PartnerId"/> is null for the whole organisation.</summary>
public sealed record ApiKeyRequest(string Name, ApiKeyAccess Access, int? PartnerId);

/// <summary>What became of a change to the API keys.</summary>
public abstract record ApiKeyChangeResult
{
    /// <summary>Created: the key and its secret, to be shown once and never again.</summary>
    public sealed record Created(ApiKeySummary Key, string Secret) : ApiKeyChangeResult;

    /// <summary>Revoked (or already was): the key as it is now.</summary>
    public sealed record Revoked(ApiKeySummary Key) : ApiKeyChangeResult;

    /// <summary>Nothing stored: what is wrong with which field (or with the whole change, under <see cref="ApiKeyAdministration.General"/>).</summary>
    public sealed record Invalid(IReadOnlyDictionary<string, string> Errors) : ApiKeyChangeResult;
}

/// <summary>
/// The API keys panel's application service: organisation admins list, create and revoke the keys integrations call
/// the API with. It checks the role itself, since a circuit's events can be sent without the page.
/// </summary>
public sealed class ApiKeyAdministration(ApiKeyStore keys, OrganisationQueries organisation, AccessGuard guard)
{
    /// <summary>The key of an error about the whole change rather than one field.</summary>
    public const string General = "";

    /// <summary>The longest name a key can have.</summary>
    public const int MaxNameLength = 120;

    private const string ToManageKeys = "manage API keys";

    /// <summary>Every key, newest first, revoked ones included.</summary>
    public async Task<IReadOnlyList<ApiKeySummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        await guard.RequireOrganisationAsync(CxRoles.Admin, ToManageKeys);
        var partners = await PartnerNamesAsync(cancellationToken);
        return (await keys.ListAsync(cancellationToken)).Select(k => Summary(k, partners)).ToList();
    }

    /// <summary>The partners a key can be limited to, in display order.</summary>
    public async Task<IReadOnlyList<PartnerChoice>> PartnersAsync(CancellationToken cancellationToken = default)
    {
        await guard.RequireOrganisationAsync(CxRoles.Admin, ToManageKeys);
        return (await organisation.DimensionsAsync(cancellationToken)).Partners.Select(p => new PartnerChoice(p.Id, p.Name)).ToList();
    }

    /// <summary>Creates a key and returns its secret once, or says field by field what is wrong.</summary>
    public async Task<ApiKeyChangeResult> CreateAsync(ApiKeyRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await guard.RequireOrganisationAsync(CxRoles.Admin, ToManageKeys);
        var partners = await PartnerNamesAsync(cancellationToken);
        var name = request.Name?.Trim() ?? "";
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (name.Length is 0 or > MaxNameLength)
            errors[nameof(ApiKeyRequest.Name)] = $"Name the integration in 1 to {MaxNameLength} characters, such as \"Genesys nightly export\".";
        else if ((await keys.ListAsync(cancellationToken)).Any(k => k.RevokedUtc is null && string.Equals(k.Name, name, StringComparison.OrdinalIgnoreCase)))
            errors[nameof(ApiKeyRequest.Name)] = $"A working key is already called \"{name}\": the import history names imports by key, so give this one another name (or revoke the old key first).";
        if (!Enum.IsDefined(request.Access))
            errors[nameof(ApiKeyRequest.Access)] = "Choose Read (the board only) or ReadWrite (the board and loading measurements).";
        if (request.PartnerId is { } partner && !partners.ContainsKey(partner))
            errors[nameof(ApiKeyRequest.PartnerId)] = "That partner does not exist (any more): choose another one or the whole organisation.";
        if (errors.Count > 0) return new ApiKeyChangeResult.Invalid(errors);

        var created = await keys.CreateAsync(name, request.Access, request.PartnerId, await UserNameAsync(), cancellationToken);
        return new ApiKeyChangeResult.Created(Summary(created.Key, partners), created.Secret);
    }

    /// <summary>Revokes a key: every call with it is refused from now on. It stays listed.</summary>
    public async Task<ApiKeyChangeResult> RevokeAsync(int id, CancellationToken cancellationToken = default)
    {
        await guard.RequireOrganisationAsync(CxRoles.Admin, ToManageKeys);
        var key = await keys.RevokeAsync(id, await UserNameAsync(), cancellationToken);
        if (key is null)
            return new ApiKeyChangeResult.Invalid(new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [General] = "This key no longer exists: reload the list.",
            });
        return new ApiKeyChangeResult.Revoked(Summary(key, await PartnerNamesAsync(cancellationToken)));
    }

    private async Task<string> UserNameAsync() => (await guard.UserAsync()).Identity?.Name ?? "unknown user";

    private async Task<IReadOnlyDictionary<int, string>> PartnerNamesAsync(CancellationToken cancellationToken) =>
        (await organisation.DimensionsAsync(cancellationToken)).Partners.ToDictionary(p => p.Id, p => p.Name);

    private static ApiKeySummary Summary(ApiKey key, IReadOnlyDictionary<int, string> partners) => new(
        key.Id, key.Name, key.Prefix, key.Access, key.PartnerId,
        key.PartnerId is { } id ? partners.GetValueOrDefault(id, $"partner {id}") : UserAdministration.WholeOrganisation,
        key.CreatedBy, key.CreatedUtc, key.LastUsedUtc, key.RevokedUtc, key.RevokedBy);
}
