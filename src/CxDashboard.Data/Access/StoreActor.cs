namespace CxDashboard.Data.Access;

/// <summary>
/// Who is working with the store right now: the audit trail records this name, and a partner-scoped actor's
/// contexts see only that partner's rows. The web host sets it for each request and each circuit activity;
/// work with no actor (start-up, seeding, scheduled backups) runs as the system and sees everything.
/// </summary>
/// <param name="UserName">The signed-in user's name (or an integration's API key name).</param>
/// <param name="PartnerId">The partner the actor is limited to; null for the whole organisation.</param>
/// <param name="ImportId">The import the current changes come with, when they do.</param>
public sealed record StoreActor(string UserName, int? PartnerId = null, long? ImportId = null)
{
    private static readonly AsyncLocal<StoreActor?> Ambient = new();

    /// <summary>The name recorded for changes made with no signed-in user.</summary>
    public const string SystemName = "system";

    /// <summary>The actor of the current flow of work; null outside any request or circuit.</summary>
    public static StoreActor? Current => Ambient.Value;

    /// <summary>Makes <paramref name="actor"/> current until the returned scope is disposed.</summary>
    public static IDisposable Use(StoreActor? actor)
    {
        var previous = Ambient.Value;
        Ambient.Value = actor;
        return new Restore(previous);
    }

    private sealed class Restore(StoreActor? previous) : IDisposable
    {
        public void Dispose() => Ambient.Value = previous;
    }
}
