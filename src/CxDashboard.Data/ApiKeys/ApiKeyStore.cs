using System.Buffers.Text;
using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using CxDashboard.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Data.ApiKeys;

/// <summary>A key just created, with its secret: the only time the secret exists outside the caller's integration.</summary>
/// <param name="Key">The stored key (its hash and prefix, never the secret).</param>
/// <param name="Secret">The secret to hand to the integration once.</param>
public sealed record NewApiKey(ApiKey Key, string Secret);

/// <summary>
/// The integrations' API keys: created with a secret shown once, looked up by that secret, revoked. Only the secret's
/// SHA-256 and a short prefix are stored. Creating and revoking go through the context's SaveChanges, so both are in
/// the audit trail with who did them.
/// </summary>
public sealed class ApiKeyStore(IDbContextFactory<CxDbContext> contexts, TimeProvider time)
{
    /// <summary>How every secret starts, so that a leaked one is recognisable (secret scanners, logs).</summary>
    public const string SecretStart = "cxk_";

    /// <summary>Characters of the secret kept as the prefix, shown in lists to tell keys apart.</summary>
    public const int PrefixLength = 12;

    private const int RandomBytes = 32;

    /// <summary>"cxk_" and 32 random bytes in base64url: 47 characters.</summary>
    public static readonly int SecretLength = SecretStart.Length + Base64Url.GetEncodedLength(RandomBytes);

    // Keys are used by machines, not people: noting each call would write to the store on every request.
    private static readonly TimeSpan UseNotedEvery = TimeSpan.FromMinutes(1);

    /// <summary>Creates a key and returns it with its secret; the secret cannot be read back later.</summary>
    public async Task<NewApiKey> CreateAsync(string name, ApiKeyAccess access, int? partnerId, string createdBy, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(createdBy);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        while (true)
        {
            var secret = SecretStart + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(RandomBytes));
            var prefix = secret[..PrefixLength];
            // 48 random bits in the prefix: a clash is all but impossible, and costs only another draw.
            if (await db.ApiKeys.IgnoreQueryFilters().AnyAsync(k => k.Prefix == prefix, cancellationToken)) continue;
            var key = new ApiKey
            {
                Name = name.Trim(),
                Prefix = prefix,
                SecretHash = Hash(secret),
                Access = access,
                PartnerId = partnerId,
                CreatedBy = createdBy,
                CreatedUtc = time.GetUtcNow().UtcDateTime,
            };
            db.ApiKeys.Add(key);
            await db.SaveChangesAsync(cancellationToken);
            return new NewApiKey(key, secret);
        }
    }

    /// <summary>
    /// Revokes the key: it is refused from the next call on. Returns the key as it is now (already revoked keys are
    /// left as they were), or null when there is no such key.
    /// </summary>
    public async Task<ApiKey?> RevokeAsync(int id, string revokedBy, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(revokedBy);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id, cancellationToken) is not { } key) return null;
        if (key.RevokedUtc is not null) return key;
        key.RevokedUtc = time.GetUtcNow().UtcDateTime;
        key.RevokedBy = revokedBy;
        await db.SaveChangesAsync(cancellationToken);
        return key;
    }

    /// <summary>Every key, newest first, revoked ones included.</summary>
    public async Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ApiKeys.AsNoTracking().OrderByDescending(k => k.CreatedUtc).ThenByDescending(k => k.Id).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The key whose secret this is, revoked or not (the caller refuses a revoked one and can say why); null when the
    /// text is no key of ours. The hashes are compared in constant time.
    /// </summary>
    public async Task<ApiKey?> FindAsync(string? secret, CancellationToken cancellationToken = default)
    {
        if (secret is null || secret.Length != SecretLength || !secret.StartsWith(SecretStart, StringComparison.Ordinal)) return null;
        var prefix = secret[..PrefixLength];
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // The key identifies its caller before any actor is known, so no partner filter applies to this lookup.
        var key = await db.ApiKeys.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(k => k.Prefix == prefix, cancellationToken);
        if (key is null) return null;
        var expected = Convert.FromHexString(key.SecretHash);
        var given = SHA256.HashData(Encoding.UTF8.GetBytes(secret));
        return CryptographicOperations.FixedTimeEquals(expected, given) ? key : null;
    }

    /// <summary>
    /// Notes that the key was used now, at most once a minute. Best effort: when the store is busy writing (an import
    /// holds SQLite's write lock) the call goes ahead and the use is noted next time. Not audited: it records
    /// traffic, not a change anyone made.
    /// </summary>
    public async Task NoteUseAsync(ApiKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var now = time.GetUtcNow().UtcDateTime;
        if (key.LastUsedUtc is { } last && now - last < UseNotedEvery) return;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.Database.SetCommandTimeout(TimeSpan.FromSeconds(1));
        try
        {
            await db.ApiKeys.IgnoreQueryFilters().Where(k => k.Id == key.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedUtc, now), cancellationToken);
        }
        catch (DbException)
        {
            // Busy or timed out: the last use is informational and is noted on a later call.
        }
        catch (InvalidOperationException e) when (e.InnerException is DbException or TimeoutException)
        {
            // The provider wraps a timeout this way; as above.
        }
    }

    /// <summary>SHA-256 of the secret, lower-case hex, as stored.</summary>
    public static string Hash(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
    }
}
