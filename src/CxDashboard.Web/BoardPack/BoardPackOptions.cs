using System.ComponentModel.DataAnnotations;
using System.Globalization;
using CxDashboard.Data;
using Microsoft.Extensions.Options;

namespace CxDashboard.Web.BoardPack;

/// <summary>How the server makes the board pack's PDF.</summary>
public sealed class BoardPackOptions : IValidatableObject
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "BoardPack";

    /// <summary>Where Debian's chromium package puts the browser: used when <see cref="ChromiumPath"/> is empty.</summary>
    public const string DefaultChromiumPath = "/usr/bin/chromium";

    /// <summary>The headless Chromium that prints the PDF; empty for <see cref="DefaultChromiumPath"/>. Without one, the board's button opens the browser's own print dialog.</summary>
    public string ChromiumPath { get; set; } = "";

    /// <summary>
    /// The address at which this instance's Chromium opens the app (http://127.0.0.1:8080); empty for the first
    /// address the app listens on, with a wildcard host read as 127.0.0.1.
    /// </summary>
    public string PrintAddress { get; set; } = "";

    /// <summary>How long one PDF may take, from starting Chromium to the last page.</summary>
    [Range(5, 600, ErrorMessage = "BoardPack:TimeoutSeconds must be between {1} and {2} seconds: fix it in appsettings.json or the environment (BoardPack__TimeoutSeconds).")]
    public int TimeoutSeconds { get; set; } = 60;

    /// <summary>How many PDFs are made at once; more wait their turn (each Chromium takes a few hundred megabytes).</summary>
    [Range(1, 16, ErrorMessage = "BoardPack:ConcurrentPdfs must be between {1} and {2}: fix it in appsettings.json or the environment (BoardPack__ConcurrentPdfs).")]
    public int ConcurrentPdfs { get; set; } = 2;

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(PrintAddress)
            && !(Uri.TryCreate(PrintAddress, UriKind.Absolute, out var address) && address.Scheme is "http" or "https"))
        {
            yield return new ValidationResult(
                $"BoardPack:PrintAddress is \"{PrintAddress}\", which is not an http or https address: set it to where this app answers on its own host (for example http://127.0.0.1:8080), or leave it empty.",
                [nameof(PrintAddress)]);
        }
    }
}

/// <summary>The start-up check of the BoardPack settings.</summary>
public static class BoardPackSettings
{
    /// <summary>
    /// Stops start-up with one sentence naming the setting and the fix when a BoardPack setting is wrong, before the
    /// store is touched, as every other setting does.
    /// </summary>
    public static void EnsureBoardPackSettingsValid(this IServiceProvider services)
    {
        var value = services.GetRequiredService<IOptions<BoardPackOptions>>().Value;
        var problems = new List<ValidationResult>();
        if (Validator.TryValidateObject(value, new ValidationContext(value), problems, validateAllProperties: true)) return;

        var first = problems[0];
        var member = first.MemberNames.FirstOrDefault() ?? "";
        throw new StartupException(first.ErrorMessage is { } message && message.StartsWith("BoardPack:", StringComparison.Ordinal)
            ? message
            : string.Create(CultureInfo.InvariantCulture, $"BoardPack:{member} is outside what it allows ({first.ErrorMessage}): fix it in appsettings.json or the environment (BoardPack__{member})."));
    }
}
