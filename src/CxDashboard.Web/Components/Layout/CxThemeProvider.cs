using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Components.Rendering;
using MudBlazor;

namespace CxDashboard.Web.Components.Layout;

/// <summary>
/// MudThemeProvider whose stylesheets are built once for the whole app rather than on every render of every circuit.
/// The theme's CSS variables come to 12,000 characters; MudThemeProvider writes them anew into each circuit's render
/// tree, where the current and the previous render each keep their own copy. Here every circuit's tree refers to the
/// same string, built once per theme and mode.
/// </summary>
public sealed class CxThemeProvider : MudThemeProvider
{
    private static readonly ConditionalWeakTable<MudTheme, ThemeCss> Built = [];
    private static readonly string Scrollbar = BuildMudBlazorScrollbar();

    // The chart hover filter MudThemeProvider writes beside the theme, as it writes it.
    private const string ChartHover = "<style>\n    .mud-chart-serie:hover {\n        filter: url(#lighten);\n    }\n\n    .mud-chart-serie-hovered \n    {\n        filter: url(#lighten);\n    }\n</style>\n\n";

    /// <inheritdoc />
    protected override void BuildRenderTree(RenderTreeBuilder __builder)
    {
        ArgumentNullException.ThrowIfNull(__builder);
        if (!DefaultScrollbar) __builder.AddMarkupContent(0, Scrollbar);
        __builder.AddMarkupContent(1, ChartHover);
        var css = Built.GetValue(GetTheme(), _ => new ThemeCss());
        // The mode as the layout binds it: the app does not ask MudThemeProvider to follow the system's mode by itself,
        // so the parameter is the mode shown.
#pragma warning disable MUD0010
        var dark = IsDarkMode;
#pragma warning restore MUD0010
        __builder.AddMarkupContent(2, dark ? css.Dark ??= BuildTheme() : css.Light ??= BuildTheme());
    }

    private sealed class ThemeCss
    {
        public string? Light { get; set; }

        public string? Dark { get; set; }
    }
}
