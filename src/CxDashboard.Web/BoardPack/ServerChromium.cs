using Microsoft.Extensions.Options;

namespace CxDashboard.Web.BoardPack;

/// <summary>Whether this server has a headless Chromium to print the board pack's PDF with, and where.</summary>
public sealed class ServerChromium(IOptions<BoardPackOptions> options)
{
    /// <summary>The configured path, or Debian's.</summary>
    public string Path => string.IsNullOrWhiteSpace(options.Value.ChromiumPath) ? BoardPackOptions.DefaultChromiumPath : options.Value.ChromiumPath;

    /// <summary>
    /// True when the browser is there, and a POSIX shell to hand it the DevTools pipe. Asked each time: installing or
    /// removing Chromium takes effect without a restart.
    /// </summary>
    public bool IsAvailable => File.Exists(Path) && File.Exists("/bin/sh");
}
