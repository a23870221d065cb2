using System.Diagnostics.CodeAnalysis;
using Bunit;
using CxDashboard.Charts;
using Microsoft.JSInterop;

namespace CxDashboard.Web.Tests.Charts;

// The context is a field disposed asynchronously: xunit v2 would call a synchronous Dispose on an inherited BunitContext.
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "xunit disposes the context through IAsyncLifetime.DisposeAsync.")]
public sealed class ApexChartTests : IAsyncLifetime
{
    private const string ModulePath = "./_content/CxDashboard.Charts/ApexChart.razor.js";

    private readonly BunitContext _ctx = new();
    private readonly BunitJSModuleInterop _module;
    private readonly JSRuntimeInvocationHandler _destroy;

    public ApexChartTests()
    {
        // Strict: any call the tests did not set up fails the test.
        _ctx.JSInterop.Mode = JSRuntimeMode.Strict;
        _module = _ctx.JSInterop.SetupModule(ModulePath);
        _module.SetupModule("create", _ => true);
        _module.SetupVoid("updateOptions", _ => true).SetVoidResult();
        _module.SetupVoid("updateSeries", _ => true).SetVoidResult();
        _destroy = _module.SetupVoid("destroy", _ => true);
        _destroy.SetVoidResult();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _ctx.DisposeAsync();

    [Fact]
    public void Chart_is_created_once_on_first_render_with_the_serialized_options()
    {
        var options = RoxOptions([1.2, 1.4, 1.3]);

        var cut = _ctx.Render<ApexChart>(p => p.Add(x => x.Options, options));

        cut.WaitForAssertion(() => _module.VerifyInvoke("create"));
        var create = _module.Invocations["create"].Single();
        create.Arguments[0].ShouldBeElementReferenceTo(cut.Find("div"));
        Assert.Equal(options.ToJson(), create.Arguments[1]);
        _ctx.JSInterop.VerifyInvoke("import");
    }

    [Fact]
    public void Rendering_again_with_equal_options_calls_nothing()
    {
        var cut = _ctx.Render<ApexChart>(p => p.Add(x => x.Options, RoxOptions([1.2, 1.4, 1.3])));
        cut.WaitForAssertion(() => _module.VerifyInvoke("create"));

        // A new but equal options object, as a parent re-render produces.
        cut.Render(p => p.Add(x => x.Options, RoxOptions([1.2, 1.4, 1.3])).Add(x => x.Class, "rox-chart"));

        Assert.Equal("rox-chart", cut.Find("div").GetAttribute("class"));
        _module.VerifyInvoke("create", calledTimes: 1);
        _module.VerifyNotInvoke("updateOptions");
        _module.VerifyNotInvoke("updateSeries");
        _ctx.JSInterop.VerifyInvoke("import", calledTimes: 1);
    }

    [Fact]
    public void New_series_alone_are_sent_with_updateSeries()
    {
        var cut = _ctx.Render<ApexChart>(p => p.Add(x => x.Options, RoxOptions([1.2, 1.4, 1.3])));
        cut.WaitForAssertion(() => _module.VerifyInvoke("create"));

        var changed = RoxOptions([1.2, 1.4, 1.6]);
        cut.Render(p => p.Add(x => x.Options, changed));

        cut.WaitForAssertion(() => _module.VerifyInvoke("updateSeries"));
        var update = _module.Invocations["updateSeries"].Single();
        Assert.IsAssignableFrom<IJSObjectReference>(update.Arguments[0]);
        Assert.Equal("""[{"name":"ROX","data":[1.2,1.4,1.6]}]""", update.Arguments[1]);
        _module.VerifyNotInvoke("updateOptions");
        _module.VerifyInvoke("create", calledTimes: 1);
    }

    [Fact]
    public void Other_changed_options_are_sent_whole_with_updateOptions()
    {
        var cut = _ctx.Render<ApexChart>(p => p.Add(x => x.Options, RoxOptions([1.2, 1.4, 1.3])));
        cut.WaitForAssertion(() => _module.VerifyInvoke("create"));

        var dark = RoxOptions([1.2, 1.4, 1.3]) with { Theme = new ApexTheme { Mode = ApexThemeMode.Dark } };
        cut.Render(p => p.Add(x => x.Options, dark));

        cut.WaitForAssertion(() => _module.VerifyInvoke("updateOptions"));
        Assert.Equal(dark.ToJson(), _module.Invocations["updateOptions"].Single().Arguments[1]);
        _module.VerifyNotInvoke("updateSeries");
        _module.VerifyInvoke("create", calledTimes: 1);
    }

    [Fact]
    public async Task Disposing_destroys_the_chart()
    {
        var cut = _ctx.Render<ApexChart>(p => p.Add(x => x.Options, RoxOptions([1.2])));
        cut.WaitForAssertion(() => _module.VerifyInvoke("create"));

        await _ctx.DisposeComponentsAsync();

        var destroy = _module.VerifyInvoke("destroy");
        Assert.IsAssignableFrom<IJSObjectReference>(destroy.Arguments[0]);
    }

    [Fact]
    public async Task Disposing_after_the_circuit_is_gone_is_quiet()
    {
        await using var ctx = new BunitContext();
        var module = ctx.JSInterop.SetupModule(ModulePath);
        module.SetupModule("create", _ => true);
        module.SetupVoid("destroy", _ => true).SetException(new JSDisconnectedException("The circuit is gone."));
        var cut = ctx.Render<ApexChart>(p => p.Add(x => x.Options, RoxOptions([1.2])));
        cut.WaitForAssertion(() => module.VerifyInvoke("create"));

        var teardown = Record.ExceptionAsync(ctx.DisposeComponentsAsync);

        Assert.Null(await teardown);
        module.VerifyInvoke("destroy");
    }

    [Fact]
    public void Container_carries_the_label_and_reserves_the_height()
    {
        var cut = _ctx.Render<ApexChart>(p => p
            .Add(x => x.Options, RoxOptions([1.2]))
            .Add(x => x.Height, "320px")
            .Add(x => x.Style, "width:100%")
            .Add(x => x.AriaLabel, "Monthly ROX against the baseline"));

        var container = cut.Find("div");
        Assert.Equal("img", container.GetAttribute("role"));
        Assert.Equal("Monthly ROX against the baseline", container.GetAttribute("aria-label"));
        Assert.Equal("min-height:320px;width:100%", container.GetAttribute("style"));
        cut.WaitForAssertion(() => _module.VerifyInvoke("create"));
        Assert.Contains("\"chart\":{\"type\":\"line\",\"height\":\"320px\"}", (string)_module.Invocations["create"].Single().Arguments[1]!, StringComparison.Ordinal);
    }

    [Fact]
    public void Container_without_a_label_has_no_img_role()
    {
        var cut = _ctx.Render<ApexChart>(p => p.Add(x => x.Options, RoxOptions([1.2])));

        Assert.False(cut.Find("div").HasAttribute("role"));
        Assert.False(cut.Find("div").HasAttribute("aria-label"));
    }

    private static ApexChartOptions RoxOptions(double?[] rox) => new()
    {
        Chart = new ApexChartSettings { Type = ApexChartType.Line },
        Series = [new ApexSeries { Name = "ROX", Data = rox }],
        Xaxis = new ApexXAxis { Categories = ["Jan", "Feb", "Mar"] },
        Annotations = new ApexAnnotations { Yaxis = [new ApexYAxisAnnotation { Y = 1, Label = new ApexAnnotationLabel { Text = "Baseline" } }] },
    };
}
