using CxDashboard.Web.Measurements;

namespace CxDashboard.Web.Tests.Measurements;

/// <summary>The export form's address carries exactly the filter the user chose.</summary>
public sealed class ExportChoicesTests
{
    [Fact]
    public void An_export_with_no_filter_asks_for_everything()
    {
        Assert.Equal("export/measurements.csv", ExportChoices.Link("csv", new ExportFilter(null, null, null, null, null, null)));
    }

    [Fact]
    public void Each_chosen_filter_becomes_a_query_parameter_escaped()
    {
        Assert.Equal(
            "export/measurements.xlsx?from=2026-01&to=2026-10&kpi=FCR&partner=A%26B",
            ExportChoices.Link("xlsx", new ExportFilter("2026-01", "2026-10", "FCR", null, "A&B", "")));
    }
}
