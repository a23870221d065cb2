using CxDashboard.Core.Board;
using CxDashboard.Core.CashFlows;
using CxDashboard.Core.Kpis;
using CxDashboard.Core.Money;
using CxDashboard.Core.Partners;
using CxDashboard.Core.Time;
using CxDashboard.Core.Value;

namespace CxDashboard.Core.Tests.Partners;

/// <summary>
/// Two partners, In-house (1) and Atlas (2), and three initiatives over January and February 2025, no risk adjustment.
/// <list type="bullet">
/// <item>Agent assist (AI tooling, from January): $10,000 once and $1,000 a month; handle-time savings on voice for all
/// partners at $36/h against 420 s, so (420 − AHT) × contacts ÷ 100. January 400 s on 10,000 contacts = $2,000, In-house
/// 6,000 of them (60 %): $1,200, Atlas $800. February 380 s on 10,000 = $4,000, 5,000 each: $2,000 each. To date $6,000:
/// In-house $3,200, Atlas $2,800.</item>
/// <item>Outsource chat (partner work, from February): $3,000 once; cost per contact on chat scoped to Atlas, $7 → $6 on
/// 2,000 contacts = $2,000, all Atlas's.</item>
/// <item>Churn programme (internal, from January): $500 a month; flat churn on consumers, 100,000 customers, ARPU $40,
/// margin 50 %, churn 2 % → 1.9 % (100 kept: $2,000) then 1.8 % (200: $4,000). Churn is not measured by partner: $6,000
/// to no partner.</item>
/// </list>
/// Costs to date follow value: Agent assist's $12,000 is 3,200 ÷ 6,000 In-house's ($6,400) and 2,800 ÷ 6,000 Atlas's
/// ($5,600); Outsource chat's $3,000 is Atlas's; the churn programme's $1,000 is no partner's. In-house: $3,200 ÷ $6,400 =
/// ROX 50 %; Atlas: $4,800 ÷ $8,600 = 55.81 %; no partner: $6,000 ÷ $1,000 = 600 %. All: $14,000 ÷ $16,000, the board's.
/// </summary>
public sealed class PartnerAttributionTests
{
    private const int InHouse = 1;
    private const int Atlas = 2;
    private const int Meridian = 3;
    private const int Voice = 10;
    private const int Chat = 11;
    private const int Consumer = 20;

    private static readonly YearMonth January = new(2025, 1);
    private static readonly YearMonth February = new(2025, 2);
    private static readonly PartnerRef[] TwoPartners = [new(InHouse, "In-house"), new(Atlas, "Atlas")];

    private static KpiAggregate Weighted(double value, double weight) => new(value, value * weight, weight, 1);

    private static KpiAggregate Ratio(double numerator, double denominator) => new(numerator / denominator, numerator, denominator, 1);

    private static CostItemSpec OneTime(string name, decimal amount, YearMonth month) =>
        new(name, CostCategory.Integration, CostNature.Capex, CostRecurrence.OneTime, amount, month, null, 0m);

    private static CostItemSpec Monthly(string name, decimal amount, YearMonth month) =>
        new(name, CostCategory.SoftwareLicensing, CostNature.Opex, CostRecurrence.Monthly, amount, month, null, 0m);

    private static DriverInputs HandleTime(string name, int channel, Dictionary<YearMonth, KpiAggregate> actuals, int? partner = null) => new(
        new ValueDriverSpec(name, ValueDriverType.HandleTimeSavings, KpiCatalog.Aht, ValueFactor.CostReduction, true, 0m, new DriverParameters(UnitValue: 36m)),
        420, actuals, "Voice · all partners · all segments", Scope: new DriverScope(channel, partner, null));

    private static DriverInputs CostPerContact(string name, int channel, int partner, Dictionary<YearMonth, KpiAggregate> actuals) => new(
        new ValueDriverSpec(name, ValueDriverType.CostPerContact, KpiCatalog.Cpc, ValueFactor.CostReduction, true, 0m, new DriverParameters()),
        7, actuals, "Chat · Atlas · all segments", Scope: new DriverScope(channel, partner, null));

    private static PartnerInitiative AgentAssist() => new(
        new InitiativeInputs("Agent assist", January,
            [OneTime("Integration", 10_000m, January), Monthly("Seats", 1_000m, January)],
            [HandleTime("Handle-time savings, voice", Voice, new() { [January] = Weighted(400, 10_000), [February] = Weighted(380, 10_000) })]),
        WorkKind.AiTooling,
        [new Dictionary<(int, YearMonth), double>
        {
            [(InHouse, January)] = 6_000, [(Atlas, January)] = 4_000,
            [(InHouse, February)] = 5_000, [(Atlas, February)] = 5_000,
        }]);

    private static PartnerInitiative OutsourceChat() => new(
        new InitiativeInputs("Outsource chat", February,
            [OneTime("Transition", 3_000m, February)],
            [CostPerContact("Lower cost per chat", Chat, Atlas, new() { [February] = Ratio(12_000, 2_000) })]),
        WorkKind.Partner,
        [new Dictionary<(int, YearMonth), double>()]);

    private static PartnerInitiative ChurnProgramme() => new(
        new InitiativeInputs("Churn programme", January,
            [Monthly("Retention team", 500m, January)],
            [new DriverInputs(
                new ValueDriverSpec("Consumer churn", ValueDriverType.ChurnFlat, KpiCatalog.Churn, ValueFactor.Retention, true, 0m,
                    new DriverParameters(UnitValue: 40m, Margin: 0.5m)),
                0.02,
                new Dictionary<YearMonth, KpiAggregate> { [January] = Ratio(1_900, 100_000), [February] = Ratio(1_800, 100_000) },
                "All channels · all partners · Consumer",
                Scope: new DriverScope(null, null, Consumer))]),
        WorkKind.Internal,
        // Churn is measured per segment, not per partner: no partner has a volume of it.
        [new Dictionary<(int, YearMonth), double>()]);

    private static PartnerAttributionInputs Portfolio() => new(February, TwoPartners, [AgentAssist(), OutsourceChat(), ChurnProgramme()]);

    private static PartnerReturn Of(PartnerAttribution a, int partner) => a.Partners.Single(p => p.Partner!.Id == partner);

    [Fact]
    public void A_driver_for_all_partners_is_shared_by_each_partners_volume_month_by_month()
    {
        var result = PartnerAttributionCalculator.Compute(new(February, TwoPartners, [AgentAssist()]));

        // January 60 % and 40 % of $2,000, February half each of $4,000.
        Assert.Equal(3_200m, Of(result, InHouse).ValueToDate);
        Assert.Equal(2_800m, Of(result, Atlas).ValueToDate);
        Assert.Equal(0m, result.Unattributed.ValueToDate);
        var part = Assert.Single(Of(result, Atlas).Parts);
        Assert.Equal((6_000m, 2_800m, false), (part.DriverToDate, part.Attributed, part.ScopedToPartner));
    }

    [Fact]
    public void A_driver_scoped_to_a_partner_is_all_that_partners()
    {
        var result = PartnerAttributionCalculator.Compute(Portfolio());

        var chat = Of(result, Atlas).Parts.Single(p => p.Initiative == "Outsource chat");
        Assert.Equal((2_000m, 2_000m, true, 1m), (chat.DriverToDate, chat.Attributed, chat.ScopedToPartner, chat.Share));
        Assert.DoesNotContain(Of(result, InHouse).Parts, p => p.Initiative == "Outsource chat");
    }

    [Fact]
    public void Value_of_a_kpi_no_partner_is_measured_on_falls_to_no_partner()
    {
        var result = PartnerAttributionCalculator.Compute(Portfolio());

        Assert.Equal(6_000m, result.Unattributed.ValueToDate);
        Assert.Equal("Churn programme", Assert.Single(result.Unattributed.Parts).Initiative);
        Assert.Null(result.Unattributed.Partner);
    }

    [Fact]
    public void This_month_is_the_selected_months_attributed_money_alone()
    {
        var result = PartnerAttributionCalculator.Compute(Portfolio());

        Assert.Equal(
            [2_000m, 4_000m, 4_000m],
            [Of(result, InHouse).ValueThisMonth, Of(result, Atlas).ValueThisMonth, result.Unattributed.ValueThisMonth]);
    }

    [Fact]
    public void An_initiatives_cost_follows_its_value_to_each_partner()
    {
        var result = PartnerAttributionCalculator.Compute(Portfolio());

        Assert.Equal(6_400m, Of(result, InHouse).CostToDate);
        Assert.Equal(8_600m, Of(result, Atlas).CostToDate);
        Assert.Equal(1_000m, result.Unattributed.CostToDate);
        Assert.Equal(
            [("Agent assist", 12_000m, 5_600m), ("Outsource chat", 3_000m, 3_000m)],
            Of(result, Atlas).Costs.Select(c => (c.Initiative, c.CostToDate, c.Allocated)));
    }

    [Fact]
    public void A_partners_rox_is_its_value_over_its_cost()
    {
        var result = PartnerAttributionCalculator.Compute(Portfolio());

        Assert.Equal(50m, Of(result, InHouse).Rox.Value);
        Assert.Equal(55.81m, Math.Round(Of(result, Atlas).Rox.Value!.Value, 2));
        Assert.Equal(600m, result.Unattributed.Rox.Value);
        Assert.Equal([4_800m, 8_600m], Of(result, Atlas).Rox.Inputs.Select(i => i.Value));
    }

    [Fact]
    public void Partners_and_what_falls_to_none_add_up_to_the_boards_gains_and_investment()
    {
        var inputs = Portfolio();
        var result = PartnerAttributionCalculator.Compute(inputs);
        var board = RoxBoardCalculator.Compute(new BoardInputs(February, January, inputs.Initiatives.Select(i => i.Inputs).ToList(), []));

        Assert.Equal((14_000m, 16_000m), (result.TotalValue, result.TotalCost));
        Assert.Equal(board.Headline.Rox.Inputs[0].Value, result.TotalValue);
        Assert.Equal(board.Headline.Rox.Inputs[1].Value, result.TotalCost);
        Assert.Equal(January, result.PeriodStart);
    }

    [Fact]
    public void Each_partners_value_is_split_by_whose_work_its_initiative_is()
    {
        var result = PartnerAttributionCalculator.Compute(Portfolio());

        Assert.Equal(new WorkSplit(Partner: 2_000m, AiTooling: 2_800m, Internal: 0m), Of(result, Atlas).Split);
        Assert.Equal(new WorkSplit(0m, 3_200m, 0m), Of(result, InHouse).Split);
        Assert.Equal(new WorkSplit(0m, 0m, 6_000m), result.Unattributed.Split);
    }

    /// <summary>
    /// Agent assist on chat (AI tooling, all partners, In-house and Meridian half each) and outsourcing chat to Meridian
    /// (partner work, scoped to Meridian) both price chat agent time. January: handle time $3,000 (420 → 390 s on 10,000
    /// contacts), cost per contact $2,000 ($7 → $6 on 2,000): the guard keeps the larger, handle time, so In-house and
    /// Meridian get $1,500 each as AI tooling. February: handle time $1,000 (410 s), cost per contact $4,000 ($5): the guard
    /// keeps cost per contact, all Meridian's as partner work, and the handle-time claim counts for no one.
    /// </summary>
    [Fact]
    public void Where_initiatives_claim_the_same_change_the_double_counting_guard_decides_whose_work_it_is()
    {
        PartnerRef[] partners = [new(InHouse, "In-house"), new(Meridian, "Meridian")];
        var assist = new PartnerInitiative(
            new InitiativeInputs("Agent assist", January, [],
                [HandleTime("Handle-time savings, chat", Chat, new() { [January] = Weighted(390, 10_000), [February] = Weighted(410, 10_000) })]),
            WorkKind.AiTooling,
            [new Dictionary<(int, YearMonth), double>
            {
                [(InHouse, January)] = 5_000, [(Meridian, January)] = 5_000,
                [(InHouse, February)] = 5_000, [(Meridian, February)] = 5_000,
            }]);
        var outsourcing = new PartnerInitiative(
            new InitiativeInputs("Outsource chat", January, [],
                [CostPerContact("Lower cost per chat", Chat, Meridian, new() { [January] = Ratio(12_000, 2_000), [February] = Ratio(10_000, 2_000) })]),
            WorkKind.Partner,
            [new Dictionary<(int, YearMonth), double>()]);

        var result = PartnerAttributionCalculator.Compute(new(February, partners, [assist, outsourcing]));

        Assert.Equal(new WorkSplit(0m, 1_500m, 0m), result.Partners[0].Split);
        Assert.Equal(new WorkSplit(Partner: 4_000m, AiTooling: 1_500m, Internal: 0m), result.Partners[1].Split);
        var overlap = Assert.Single(result.Overlaps);
        Assert.Equal((WorkKind.AiTooling, WorkKind.Partner), (overlap.FirstWork, overlap.SecondWork));
        Assert.Equal((3_000m, 3_000m), (overlap.Overlap.ClaimedTwice, overlap.Overlap.Removed));
    }

    [Fact]
    public void The_value_and_cost_lineage_show_each_share_and_what_it_is_a_share_of()
    {
        var atlas = Of(PartnerAttributionCalculator.Compute(Portfolio()), Atlas);

        Assert.Equal("{0} × {1} + {2} × {3} = {result}", atlas.Value.Template);
        Assert.Equal(
            [("Share of Handle-time savings, voice (Agent assist)", 2_800m / 6_000m), ("Handle-time savings, voice (Agent assist)", 6_000m),
             ("Share of Lower cost per chat (Outsource chat)", 1m), ("Lower cost per chat (Outsource chat)", 2_000m)],
            atlas.Value.Inputs.Select(i => (i.Label, i.Value)));
        Assert.Equal("Atlas's share of the AHT volume over Voice · all partners · all segments, month by month", atlas.Value.Inputs[0].Source);
        Assert.Equal("the driver's scope is Atlas: all of it", atlas.Value.Inputs[2].Source);
        Assert.Equal(4_800m, atlas.Value.Value);

        Assert.Equal("{0} × {1} + {2} × {3} = {result}", atlas.Cost.Template);
        Assert.Equal([5_600m / 12_000m, 12_000m, 1m, 3_000m], atlas.Cost.Inputs.Select(i => i.Value));
        Assert.Equal(8_600m, atlas.Cost.Value);
    }

    [Fact]
    public void Without_cost_a_partners_rox_is_not_applicable_and_says_why()
    {
        // A partner user's store hides every cost item.
        var inputs = Portfolio();
        var withoutCosts = inputs with
        {
            Initiatives = inputs.Initiatives.Select(i => i with { Inputs = i.Inputs with { Costs = [] } }).ToList(),
        };

        var atlas = Of(PartnerAttributionCalculator.Compute(withoutCosts), Atlas);

        Assert.Equal(4_800m, atlas.ValueToDate);
        Assert.Null(atlas.Rox.Value);
        Assert.NotNull(atlas.Rox.NotApplicableReason);
        Assert.Equal("no initiative's cost falls here = {result}", atlas.Cost.Template);
    }

    [Fact]
    public void An_initiative_with_no_value_to_date_allocates_its_cost_to_no_partner()
    {
        var flat = AgentAssist();
        var noChange = flat with
        {
            Inputs = flat.Inputs with
            {
                Drivers = [HandleTime("Handle-time savings, voice", Voice, new() { [January] = Weighted(420, 10_000), [February] = Weighted(420, 10_000) })],
            },
        };

        var result = PartnerAttributionCalculator.Compute(new(February, TwoPartners, [noChange]));

        Assert.Equal((0m, 0m, 12_000m), (result.Partners[0].CostToDate, result.Partners[1].CostToDate, result.Unattributed.CostToDate));
    }

    [Fact]
    public void Shares_that_cover_all_the_volume_leave_nothing_to_no_partner_even_in_thirds()
    {
        PartnerRef[] three = [new(InHouse, "In-house"), new(Atlas, "Atlas"), new(Meridian, "Meridian")];
        // (420 − 390) × 30,000 ÷ 100 = $9,000 in January, 10,000 contacts each.
        var initiative = new PartnerInitiative(
            new InitiativeInputs("Agent assist", January, [Monthly("Seats", 1_000m, January)],
                [HandleTime("Handle-time savings, voice", Voice, new() { [January] = Weighted(390, 30_000) })]),
            WorkKind.AiTooling,
            [new Dictionary<(int, YearMonth), double> { [(InHouse, January)] = 10_000, [(Atlas, January)] = 10_000, [(Meridian, January)] = 10_000 }]);

        var result = PartnerAttributionCalculator.Compute(new(January, three, [initiative]));

        Assert.Equal(9_000m, result.Partners.Sum(p => p.ValueToDate));
        Assert.All(result.Partners, p => Assert.Equal(3_000m, Math.Round(p.ValueToDate, 6)));
        Assert.Equal(1_000m, result.Partners.Sum(p => p.CostToDate));
        Assert.Empty(result.Unattributed.Parts);
        Assert.Empty(result.Unattributed.Costs);
    }

    [Fact]
    public void No_initiative_gives_every_partner_nothing_and_no_rox()
    {
        var result = PartnerAttributionCalculator.Compute(new(February, TwoPartners, []));

        Assert.All(result.Partners, p => Assert.Equal((0m, 0m), (p.ValueToDate, p.CostToDate)));
        Assert.All(result.Partners, p => Assert.Null(p.Rox.Value));
        Assert.Equal(February, result.PeriodStart);
    }
}
