namespace CxDashboard.Web.Components.Display;

/// <summary>
/// Class attributes built from a few words (a status, a tone) shared by every circuit instead of each render keeping
/// its own copy: a render tree holds the strings of its current and its previous render, in every open circuit. The
/// set of such class lists is small and fixed (the app's classes times its statuses and tones), so they are interned.
/// </summary>
public static class SharedCss
{
    /// <summary>The one shared instance of <paramref name="classes"/>.</summary>
    public static string Of(string classes) => string.Intern(classes);
}
