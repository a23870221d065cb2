using CxDashboard.Core.Kpis;
using CxDashboard.Core.Value;
using CxDashboard.Web.Initiatives;

namespace CxDashboard.Web.Tests.Initiatives;

/// <summary>Each driver type's form asks for exactly what its formula in Core needs.</summary>
public sealed class DriverFormsTests
{
    public static TheoryData<ValueDriverType> Types => new(ValueDriverCatalog.All.Select(k => k.Type));

    [Theory]
    [MemberData(nameof(Types))]
    public void A_driver_with_its_forms_required_inputs_is_priced_and_without_any_one_of_them_is_not(ValueDriverType type)
    {
        var fields = DriverForms.FieldsOf(type);
        // Cost per contact needs nothing but the KPI and its volume; every other type needs at least one input.
        var required = fields.Where(f => f.Required).ToList();
        Assert.Equal(type == ValueDriverType.CostPerContact, required.Count == 0);
        // A month with a measured KPI change and volume: churn 2 % → 1.9 %, on 10,000 (contacts, customers…).
        var actual = new KpiAggregate(0.019, 0, 10_000, 1);

        Assert.NotNull(ValueDriverCalculator.MonthlyValue(type, Parameters(required.Select(f => f.Parameter)), 0.02, actual).Value);
        foreach (var left in required)
        {
            var month = ValueDriverCalculator.MonthlyValue(type, Parameters(required.Where(f => f != left).Select(f => f.Parameter)), 0.02, actual);
            Assert.True(month.Value is null, $"{type} was priced without {left.Label}.");
        }
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void The_form_has_a_volume_exactly_when_the_projection_multiplies_one(ValueDriverType type) =>
        Assert.Equal(Core.Scenarios.ScenarioCalculator.UsesVolume(type), DriverForms.VolumeOf(type) is not null);

    private static DriverParameters Parameters(IEnumerable<DriverParameter> set)
    {
        var p = set.ToHashSet();
        return new DriverParameters(
            p.Contains(DriverParameter.UnitValue) ? 40m : null,
            p.Contains(DriverParameter.SecondaryUnitValue) ? 1m : null,
            p.Contains(DriverParameter.Margin) ? 0.5m : null,
            null,
            p.Contains(DriverParameter.PerPoint) ? 0.01m : null);
    }
}
