using System.ComponentModel.DataAnnotations;

namespace CxDashboard.Web.BoardPack;

/// <summary>How the server makes the board pack's PDF.</summary>
public sealed class BoardPackOptions
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
    [Range(5, 600)]
    public int TimeoutSeconds { get; set; } = 60;

    /// <summary>How many PDFs are made at once; more wait their turn (each Chromium takes a few hundred megabytes).</summary>
    [Range(1, 16)]
    public int ConcurrentPdfs { get; set; } = 2;
}
