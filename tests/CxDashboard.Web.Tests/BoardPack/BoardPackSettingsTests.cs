using CxDashboard.Data;
using CxDashboard.Web.BoardPack;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Web.Tests.BoardPack;

/// <summary>A wrong BoardPack setting stops start-up with one sentence naming it and the fix, before the store is touched.</summary>
public sealed class BoardPackSettingsTests
{
    [Theory]
    [InlineData("PrintAddress", "ftp://pdf.example", "BoardPack:PrintAddress is \"ftp://pdf.example\", which is not an http or https address")]
    [InlineData("PrintAddress", "127.0.0.1:8080", "BoardPack:PrintAddress is \"127.0.0.1:8080\", which is not an http or https address")]
    [InlineData("TimeoutSeconds", "0", "BoardPack:TimeoutSeconds must be between 5 and 600 seconds: fix it in appsettings.json or the environment (BoardPack__TimeoutSeconds).")]
    [InlineData("ConcurrentPdfs", "40", "BoardPack:ConcurrentPdfs must be between 1 and 16: fix it in appsettings.json or the environment (BoardPack__ConcurrentPdfs).")]
    public void A_wrong_setting_names_itself_and_the_fix(string setting, string value, string message)
    {
        using var services = Services((setting, value));

        var refused = Assert.Throws<StartupException>(services.EnsureBoardPackSettingsValid);

        Assert.StartsWith(message, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_defaults_and_a_loopback_address_are_accepted()
    {
        using var defaults = Services();
        using var address = Services(("PrintAddress", "http://127.0.0.1:8080"));

        defaults.EnsureBoardPackSettingsValid();
        address.EnsureBoardPackSettingsValid();
    }

    private static ServiceProvider Services(params (string Name, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create<string, string?>($"{BoardPackOptions.SectionName}:{s.Name}", s.Value)))
            .Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddOptions<BoardPackOptions>().BindConfiguration(BoardPackOptions.SectionName);
        return services.BuildServiceProvider();
    }
}
