namespace CxDashboard.Web.Components.Layout;

/// <summary>When a menu link is the current page, as NavLink decides it: the whole path, or the path and what is under it.</summary>
public static class NavLinkMatching
{
    /// <summary>True when <paramref name="href"/> is the page at <paramref name="relativeAddress"/>.</summary>
    /// <param name="relativeAddress">The address relative to the app's base ("kpis/CPC?month=2026-10").</param>
    /// <param name="href">The link, relative to the base ("kpis"; "" for the board).</param>
    /// <param name="exact">True when only the link's own page counts, not the pages under it.</param>
    public static bool IsActive(string relativeAddress, string href, bool exact)
    {
        var end = relativeAddress.IndexOfAny(['?', '#']);
        var path = (end < 0 ? relativeAddress : relativeAddress[..end]).TrimEnd('/');
        if (string.Equals(path, href, StringComparison.OrdinalIgnoreCase)) return true;
        return !exact && href.Length > 0
            && path.StartsWith(href, StringComparison.OrdinalIgnoreCase) && path[href.Length] == '/';
    }
}
