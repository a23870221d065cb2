using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace CxDashboard.Web.Components.Display;

/// <summary>
/// A component whose figures explain themselves on hover or focus, drawn as MudTooltip draws a tooltip, with one
/// popover at a time that exists only while it is shown. MudTooltip is five components per figure from the first
/// render (the tooltip, its child container, a popover, the popover's holder in the provider, and its renderer), and
/// every open board circuit holds all of them; here a figure costs its host element's event handlers, and the
/// component that shows the figures keeps which one is open.
/// </summary>
public abstract class TipHost : ComponentBase
{
    private string? _shown;

    /// <summary>
    /// Writes <paramref name="content"/> inside a tooltip root that opens <paramref name="tip"/> while the pointer is
    /// over it or the focus is in it.
    /// </summary>
    /// <param name="key">Which of this component's figures it is: one tooltip is shown at a time.</param>
    /// <param name="placement">Where the tooltip opens, relative to the content.</param>
    /// <param name="rootClass">Classes of the root beside MudBlazor's tooltip root classes, or null.</param>
    /// <param name="content">What the tooltip explains.</param>
    /// <param name="tip">The tooltip itself, rendered only while shown.</param>
    /// <param name="arrow">False for a plain tooltip without the arrow.</param>
    protected RenderFragment Tipped(string key, Placement placement, string? rootClass, RenderFragment content, RenderFragment tip, bool arrow = true) => builder =>
    {
        builder.OpenElement(0, "div");
        builder.AddAttribute(1, "class", rootClass is null ? "mud-tooltip-root mud-tooltip-inline" : SharedCss.Of($"mud-tooltip-root mud-tooltip-inline {rootClass}"));
        builder.AddAttribute(2, "onpointerenter", EventCallback.Factory.Create<PointerEventArgs>(this, () => _shown = key));
        builder.AddAttribute(3, "onpointerleave", EventCallback.Factory.Create<PointerEventArgs>(this, () => Hide(key)));
        builder.AddAttribute(4, "onfocusin", EventCallback.Factory.Create<FocusEventArgs>(this, () => _shown = key));
        builder.AddAttribute(5, "onfocusout", EventCallback.Factory.Create<FocusEventArgs>(this, () => Hide(key)));
        builder.AddContent(6, content);
        if (_shown == key)
        {
            var (anchor, transform, side) = Origins(placement);
            builder.OpenComponent<MudPopover>(7);
            builder.AddComponentParameter(8, nameof(MudPopover.Open), true);
            builder.AddComponentParameter(9, nameof(MudPopover.Fixed), true);
            builder.AddComponentParameter(10, nameof(MudPopover.Paper), false);
            builder.AddComponentParameter(11, nameof(MudPopover.AnchorOrigin), anchor);
            builder.AddComponentParameter(12, nameof(MudPopover.TransformOrigin), transform);
            builder.AddComponentParameter(13, nameof(MudPopover.Class),
                arrow ? $"mud-tooltip d-flex mud-tooltip-default mud-tooltip-{side} mud-tooltip-arrow" : $"mud-tooltip d-flex mud-tooltip-default mud-tooltip-{side}");
            builder.AddComponentParameter(14, nameof(MudPopover.ChildContent), tip);
            builder.CloseComponent();
        }

        builder.CloseElement();
    };

    private void Hide(string key)
    {
        if (_shown == key) _shown = null;
    }

    private static (Origin Anchor, Origin Transform, string Side) Origins(Placement placement) => placement switch
    {
        Placement.Top => (Origin.TopCenter, Origin.BottomCenter, "top-center"),
        Placement.Left => (Origin.CenterLeft, Origin.CenterRight, "center-left"),
        Placement.Right => (Origin.CenterRight, Origin.CenterLeft, "center-right"),
        _ => (Origin.BottomCenter, Origin.TopCenter, "bottom-center"),
    };
}
