using CxDashboard.Web.Board;

namespace CxDashboard.Web.Components.Pages.Board;

/// <summary>The CSS class that colours a figure by how it reads.</summary>
internal static class FigureToneCss
{
    public static string Of(FigureTone tone) => tone switch
    {
        FigureTone.Positive => "cx-positive",
        FigureTone.Negative => "cx-negative",
        _ => "",
    };
}
