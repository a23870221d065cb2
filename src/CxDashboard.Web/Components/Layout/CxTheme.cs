using MudBlazor;

namespace CxDashboard.Web.Components.Layout;

/// <summary>The app's light and dark palettes: calm blues, and status colours that read on both.</summary>
public static class CxTheme
{
    private static readonly string[] SystemFonts =
        ["Inter", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"];

    /// <summary>The theme every page uses.</summary>
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f4e79",
            Secondary = "#2e8b6e",
            Tertiary = "#8a5cc2",
            AppbarBackground = "#1f4e79",
            Background = "#f4f6f9",
            Success = "#2e7d32",
            Warning = "#b26a00",
            Error = "#c62828",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#7ab3e6",
            Secondary = "#6fcfa8",
            Tertiary = "#c3a3ee",
            AppbarBackground = "#16202b",
            Background = "#0f1620",
            Surface = "#17212d",
            DrawerBackground = "#141d28",
            Success = "#66bb6a",
            Warning = "#ffb74d",
            Error = "#ef6c6c",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = SystemFonts },
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "8px" },
    };
}
