using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace CxDashboard.Web.Components.Display;

/// <summary>
/// MudBlazor's look without a component: markup a page repeats many times (an icon in every tile) written into the
/// page's own render tree. Each MudBlazor component an open circuit holds costs its state, two render-tree buffers and
/// its parameters' bookkeeping; what only shows a value needs none of that.
/// </summary>
public static class PlainMarkup
{
    /// <summary>A small Material icon, drawn as MudIcon draws it, hidden from screen readers.</summary>
    /// <param name="svg">The icon's inner SVG, one of MudBlazor's <c>Icons</c>.</param>
    /// <param name="css">Classes beside MudBlazor's icon classes.</param>
    public static RenderFragment SmallIcon(string svg, string css) => builder =>
        WriteIcon(builder, svg, css.Length == 0 ? "mud-icon-root mud-svg-icon mud-icon-size-small" : SharedCss.Of($"mud-icon-root mud-svg-icon mud-icon-size-small {css}"));

    /// <summary>A Material icon of MudBlazor's medium size, as in an icon button.</summary>
    /// <param name="svg">The icon's inner SVG, one of MudBlazor's <c>Icons</c>.</param>
    public static RenderFragment Icon(string svg) => builder => WriteIcon(builder, svg, "mud-icon-root mud-svg-icon mud-icon-size-medium");

    /// <summary>A navigation link's icon, drawn as MudNavLink draws it.</summary>
    /// <param name="svg">The icon's inner SVG, one of MudBlazor's <c>Icons</c>.</param>
    public static RenderFragment NavIcon(string svg) => builder =>
        WriteIcon(builder, svg, "mud-icon-root mud-icon-default mud-svg-icon mud-icon-size-medium mud-nav-link-icon mud-nav-link-icon-default");

    private static void WriteIcon(RenderTreeBuilder builder, string svg, string classes)
    {
        builder.OpenElement(0, "svg");
        builder.AddAttribute(1, "class", classes);
        builder.AddAttribute(2, "focusable", "false");
        builder.AddAttribute(3, "viewBox", "0 0 24 24");
        builder.AddAttribute(4, "aria-hidden", "true");
        builder.AddMarkupContent(5, svg);
        builder.CloseElement();
    }
}
