using System.Net;

namespace CxDashboard.Web.Tests.Hosting;

/// <summary>The probes of the real app on the store it migrated at start-up, asked without signing in.</summary>
[Collection(RunningAppGroup.Name)]
public sealed class HealthEndpointTests(RunningApp app)
{
    [Fact]
    public async Task Liveness_answers_healthy()
    {
        using var response = await app.Client.GetAsync("health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Readiness_answers_healthy_on_the_migrated_store()
    {
        using var response = await app.Client.GetAsync("health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}

/// <summary>One running app for the hosting tests.</summary>
[CollectionDefinition(Name)]
public sealed class RunningAppGroup : ICollectionFixture<RunningApp>
{
    public const string Name = "Running app";
}
