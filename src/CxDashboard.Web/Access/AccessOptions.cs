namespace CxDashboard.Web.Access;

/// <summary>Sign-in and session settings: the "Access" section of the configuration.</summary>
public sealed class AccessOptions
{
    /// <summary>The configuration section these options are read from.</summary>
    public const string SectionName = "Access";

    /// <summary>The first administrator, created on the first start when the store has no user yet.</summary>
    public FirstAdmin Admin { get; set; } = new();

    /// <summary>Signed out after this many minutes without a keystroke, click or scroll (default 30).</summary>
    public int IdleMinutes { get; set; } = 30;

    /// <summary>Signed out this many hours after signing in, however active (default 12).</summary>
    public int AbsoluteHours { get; set; } = 12;

    /// <summary>An open board checks every this many minutes that its user may still sign in (default 30).</summary>
    public int RevalidateMinutes { get; set; } = 30;

    /// <summary>Wrong passwords in a row before an account locks (default 5).</summary>
    public int LockoutAttempts { get; set; } = 5;

    /// <summary>How long a locked account stays locked (default 15 minutes).</summary>
    public int LockoutMinutes { get; set; } = 15;
}

/// <summary>The first administrator's account, from configuration or environment (Access__Admin__Password).</summary>
public sealed class FirstAdmin
{
    /// <summary>The e-mail address the administrator signs in with.</summary>
    public string? Email { get; set; }

    /// <summary>The password; it must meet the password policy.</summary>
    public string? Password { get; set; }

    /// <summary>The name shown for the administrator.</summary>
    public string DisplayName { get; set; } = "Administrator";
}
