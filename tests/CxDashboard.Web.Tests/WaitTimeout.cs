using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace CxDashboard.Web.Tests;

/// <summary>
/// How long a bUnit wait (<c>WaitForAssertion</c>, <c>WaitForElement</c>) waits before it fails. bUnit's default is one
/// second; a debounced search (250 ms) or a load on a worker thread can take longer than that while CI runs the
/// browser tests beside these. A wait still ends as soon as its assertion holds, and fails as before if it never does.
/// </summary>
internal static class WaitTimeout
{
    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255", Justification = "A test assembly's one setting, made before any test runs.")]
    internal static void Lengthen() => Bunit.BunitContext.DefaultWaitTimeout = TimeSpan.FromSeconds(10);
}
