using System.Security.Cryptography;
using System.Text;
using CxDashboard.Data.Access;
using CxDashboard.Data.ApiKeys;
using CxDashboard.Data.Auditing;
using CxDashboard.Data.Model;
using CxDashboard.Data.Tests.Infrastructure;
using CxDashboard.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Data.Tests.ApiKeys;

/// <summary>
/// API keys: the secret is handed out once and only its hash is kept; a key is found by its whole secret and by
/// nothing less; revoking is kept with who did it; creating and revoking are in the audit trail.
/// </summary>
public sealed class ApiKeyStoreTests
{
    [Fact]
    public async Task A_new_key_gives_its_secret_once_and_the_store_keeps_only_its_hash_and_prefix()
    {
        await using var store = new SqliteTestStore();
        var keys = (await store.StartAsync()).GetRequiredService<ApiKeyStore>();

        var created = await keys.CreateAsync("Genesys nightly export", ApiKeyAccess.ReadWrite, null, "admin@harbour.demo");

        Assert.StartsWith("cxk_", created.Secret, StringComparison.Ordinal);
        Assert.Equal(47, created.Secret.Length);
        var stored = Assert.Single(await keys.ListAsync());
        Assert.Equal(created.Secret[..12], stored.Prefix);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(created.Secret))), stored.SecretHash);
        Assert.DoesNotContain(created.Secret[12..], string.Join("|", stored.Name, stored.Prefix, stored.SecretHash, stored.CreatedBy), StringComparison.Ordinal);
        var another = await keys.CreateAsync("Another", ApiKeyAccess.Read, null, "admin@harbour.demo");
        Assert.NotEqual(created.Secret, another.Secret);
    }

    [Fact]
    public async Task A_key_is_found_by_its_whole_secret_and_not_by_a_secret_that_differs_in_one_character()
    {
        await using var store = new SqliteTestStore();
        var keys = (await store.StartAsync()).GetRequiredService<ApiKeyStore>();
        var created = await keys.CreateAsync("Genesys", ApiKeyAccess.Read, null, "admin@harbour.demo");

        var found = await keys.FindAsync(created.Secret);
        var last = created.Secret[^1];
        var altered = created.Secret[..^1] + (last == 'A' ? 'B' : 'A');

        Assert.Equal(created.Key.Id, found?.Id);
        Assert.Null(await keys.FindAsync(altered));
        Assert.Null(await keys.FindAsync(created.Secret[..^1]));
        Assert.Null(await keys.FindAsync(created.Key.SecretHash));
        Assert.Null(await keys.FindAsync(""));
        Assert.Null(await keys.FindAsync(null));
    }

    [Fact]
    public async Task A_revoked_key_is_still_found_so_the_caller_can_be_told_it_was_revoked_and_by_whom()
    {
        await using var store = new SqliteTestStore();
        var keys = (await store.StartAsync()).GetRequiredService<ApiKeyStore>();
        var created = await keys.CreateAsync("Genesys", ApiKeyAccess.ReadWrite, null, "admin@harbour.demo");

        var revoked = await keys.RevokeAsync(created.Key.Id, "other-admin@harbour.demo");
        var again = await keys.RevokeAsync(created.Key.Id, "third@harbour.demo");

        Assert.NotNull(revoked?.RevokedUtc);
        Assert.Equal("other-admin@harbour.demo", again?.RevokedBy);
        var found = await keys.FindAsync(created.Secret);
        Assert.Equal(revoked!.RevokedUtc, found?.RevokedUtc);
        Assert.Null(await keys.RevokeAsync(created.Key.Id + 100, "admin@harbour.demo"));
    }

    [Fact]
    public async Task Creating_and_revoking_are_in_the_audit_trail_with_who_did_it()
    {
        await using var store = new SqliteTestStore();
        var services = await store.StartAsync();
        var keys = services.GetRequiredService<ApiKeyStore>();

        NewApiKey created;
        using (StoreActor.Use(new StoreActor("admin@harbour.demo")))
        {
            created = await keys.CreateAsync("Genesys", ApiKeyAccess.ReadWrite, null, "admin@harbour.demo");
            await keys.RevokeAsync(created.Key.Id, "admin@harbour.demo");
        }

        await using var db = services.Context();
        var entries = await db.AuditEntries.Where(e => e.Entity == nameof(ApiKey)).OrderBy(e => e.Id).ToListAsync();
        Assert.Equal([AuditAction.Added, AuditAction.Modified], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal("admin@harbour.demo", e.UserName));
        Assert.Contains("RevokedUtc", entries[1].Changes, StringComparison.Ordinal);
        Assert.DoesNotContain(created.Secret, entries[0].Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Using_a_key_notes_when_it_was_last_used()
    {
        await using var store = new SqliteTestStore();
        var keys = (await store.StartAsync()).GetRequiredService<ApiKeyStore>();
        var created = await keys.CreateAsync("Genesys", ApiKeyAccess.Read, null, "admin@harbour.demo");

        await keys.NoteUseAsync(created.Key);

        Assert.NotNull((await keys.FindAsync(created.Secret))?.LastUsedUtc);
    }

    [PostgresFact]
    public async Task On_PostgreSQL_a_key_is_created_found_and_revoked()
    {
        await using var store = await PostgresTestStore.CreateAsync();
        var keys = (await store.StartAsync()).GetRequiredService<ApiKeyStore>();

        var created = await keys.CreateAsync("Genesys", ApiKeyAccess.ReadWrite, null, "admin@harbour.demo");
        Assert.Equal(created.Key.Id, (await keys.FindAsync(created.Secret))?.Id);
        await keys.NoteUseAsync(created.Key);
        await keys.RevokeAsync(created.Key.Id, "admin@harbour.demo");

        var found = await keys.FindAsync(created.Secret);
        Assert.NotNull(found?.RevokedUtc);
        Assert.NotNull(found?.LastUsedUtc);
    }
}
