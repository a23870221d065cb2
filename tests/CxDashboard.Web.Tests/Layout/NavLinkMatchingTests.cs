using CxDashboard.Web.Components.Layout;

namespace CxDashboard.Web.Tests.Layout;

public sealed class NavLinkMatchingTests
{
    [Theory]
    [InlineData("", "", true, true)]
    [InlineData("?month=2026-10", "", true, true)]
    [InlineData("kpis", "", true, false)]
    [InlineData("kpis", "kpis", false, true)]
    [InlineData("kpis/CPC?month=2026-10", "kpis", false, true)]
    [InlineData("KPIs/", "kpis", false, true)]
    [InlineData("kpisx", "kpis", false, false)]
    [InlineData("initiatives/what-if", "initiatives", false, true)]
    [InlineData("initiatives/what-if#top", "initiatives/what-if", false, true)]
    [InlineData("data", "kpis", false, false)]
    public void A_link_is_active_on_its_own_page_and_unless_exact_on_the_pages_under_it(string address, string href, bool exact, bool active) =>
        Assert.Equal(active, NavLinkMatching.IsActive(address, href, exact));
}
