using CxDashboard.Core.Board;
using CxDashboard.Core.CashFlows;
using CxDashboard.Core.Experiments;
using CxDashboard.Core.Kpis;
using CxDashboard.Core.Time;
using CxDashboard.Core.Value;

namespace CxDashboard.Core.Tests.Board;

/// <summary>
/// The board of <see cref="RoxBoardCalculatorTests"/> (one initiative from 2025-01: gains $102,000 and investment $51,000 to
/// March; $24,000 of gains and $6,000 of costs in February) with a holdout experiment beside it. Seed 001's renewal test:
/// 12,500 per arm, 10,200 against 10,000 renewals, 25,000 eligible at $480 — lift 1.6 pp, p = 0.0013, $192,000
/// (significant); with 10,100 renewals, lift 0.8 pp, p = 0.111, $96,000 (not significant).
/// </summary>
public sealed class RoxBoardExperimentTests
{
    private const string InitiativeName = "Voice self-service";

    private static readonly YearMonth December = new(2024, 12);
    private static readonly YearMonth January = new(2025, 1);
    private static readonly YearMonth February = new(2025, 2);
    private static readonly YearMonth March = new(2025, 3);

    private static readonly HoldoutResult Significant =
        HoldoutExperiment.Analyze(new HoldoutArm(12_500, 10_200), new HoldoutArm(12_500, 10_000), 25_000, 480m);

    private static readonly HoldoutResult NotSignificant =
        HoldoutExperiment.Analyze(new HoldoutArm(12_500, 10_100), new HoldoutArm(12_500, 10_000), 25_000, 480m);

    private static KpiAggregate Aht(double seconds, double contacts) => new(seconds, seconds * contacts, contacts, 1);

    private static InitiativeInputs Initiative() => new(
        InitiativeName,
        January,
        [
            new CostItemSpec("Integration", CostCategory.Integration, CostNature.Capex, CostRecurrence.OneTime, 30_000m, January, null, 0.10m),
            new CostItemSpec("Licence", CostCategory.SoftwareLicensing, CostNature.Opex, CostRecurrence.Monthly, 5_000m, January, null, 0.20m),
        ],
        [
            new DriverInputs(
                new ValueDriverSpec("Handle-time savings, voice", ValueDriverType.HandleTimeSavings, KpiCatalog.Aht, ValueFactor.CostReduction,
                    IsHard: true, Risk: 0.20m, new DriverParameters(UnitValue: 36m)),
                Baseline: 420,
                new Dictionary<YearMonth, KpiAggregate> { [January] = Aht(400, 90_000), [February] = Aht(390, 100_000), [March] = Aht(360, 132_500) },
                "Voice · all partners"),
        ]);

    private static RoxBoard Board(YearMonth month, params ExperimentInputs[] experiments) =>
        RoxBoardCalculator.Compute(new BoardInputs(month, December, [Initiative()], [], Experiments: experiments));

    private static ExperimentInputs Renewals(HoldoutResult result, bool include = false, YearMonth? measured = null, string? initiative = InitiativeName, string kpi = KpiCatalog.Retention) =>
        new("Renewal calls", initiative, kpi, measured ?? February, result, include);

    [Fact]
    public void A_significant_experiments_money_counts_once_in_the_month_its_window_ends()
    {
        var board = Board(March, Renewals(Significant));

        // Gains $102,000 + $192,000 = $294,000 over $51,000: ROX 576.47 %, net $243,000.
        Assert.Equal(576.4706m, decimal.Round(board.Headline.Rox.Value!.Value, 4));
        Assert.Equal(243_000m, board.Headline.NetValue.Value);
        Assert.Equal([0m, 0m, 192_000m, 0m], board.Series.Select(s => s.Retention));
        var experiment = Assert.Single(board.Experiments!);
        Assert.Equal((ExperimentStanding.Significant, 192_000m, ValueFactor.Retention, February), (experiment.Standing, experiment.Counted, experiment.Factor, experiment.Measured));
        Assert.Equal(0.001320583453327146, experiment.PValue!.Value, 1e-12);
    }

    [Fact]
    public void Its_money_adds_to_its_initiative_and_to_the_measured_hard_evidence()
    {
        var board = Board(March, Renewals(Significant));

        Assert.Equal(294_000m, Assert.Single(board.Initiatives).Gains);
        Assert.Equal(new EvidenceSplit(294_000m, 0m, 0m, 294_000m, 0m), board.Evidence);
        Assert.Equal(InitiativeName, board.Experiments![0].Initiative);
    }

    [Fact]
    public void The_headline_names_the_experiment_among_its_sources()
    {
        var board = Board(March, Renewals(Significant));

        Assert.Equal("1 value driver of 1 initiative and 1 holdout experiment, risk-adjusted, 2025-01 to 2025-03", board.Headline.Rox.Inputs[0].Source);
        Assert.Equal("1 value driver, risk-adjusted, 2025-03 to 2025-03", board.MonthHeadline.Rox.Inputs[0].Source);
    }

    [Fact]
    public void The_month_its_window_ends_holds_its_money()
    {
        var board = Board(February, Renewals(Significant));

        // February: $24,000 + $192,000 of gains on $6,000 of costs.
        Assert.Equal(216_000m, board.ThisMonth.Gains);
        Assert.Equal(3_600m, board.MonthHeadline.Rox.Value);
        Assert.Equal("1 value driver and 1 holdout experiment, risk-adjusted, 2025-02 to 2025-02", board.MonthHeadline.Rox.Inputs[0].Source);
    }

    [Fact]
    public void An_experiment_that_is_not_significant_is_kept_out()
    {
        var board = Board(March, Renewals(NotSignificant));

        Assert.Equal(200m, board.Headline.Rox.Value);
        Assert.All(board.Series, s => Assert.Equal(0m, s.Retention));
        var experiment = Assert.Single(board.Experiments!);
        Assert.Equal((ExperimentStanding.NotSignificant, 0m), (experiment.Standing, experiment.Counted));
        Assert.False(experiment.IsCounted);
        Assert.Equal(96_000m, experiment.Money.Value);
    }

    [Fact]
    public void An_experiment_included_by_choice_counts_and_is_soft_evidence()
    {
        var board = Board(March, Renewals(NotSignificant, include: true));

        // $102,000 + $96,000 = $198,000 over $51,000.
        Assert.Equal(388.2353m, decimal.Round(board.Headline.Rox.Value!.Value, 4));
        Assert.Equal(new EvidenceSplit(198_000m, 0m, 0m, 102_000m, 96_000m), board.Evidence);
        Assert.Equal((ExperimentStanding.IncludedByChoice, 96_000m), (board.Experiments![0].Standing, board.Experiments[0].Counted));
    }

    [Fact]
    public void An_experiment_whose_window_ends_after_the_month_has_nothing_to_count_yet()
    {
        var board = Board(March, Renewals(Significant, measured: new YearMonth(2025, 4)));

        Assert.Equal(200m, board.Headline.Rox.Value);
        Assert.Equal((ExperimentStanding.NotYetMeasured, 0m), (board.Experiments![0].Standing, board.Experiments[0].Counted));
    }

    [Fact]
    public void A_conversion_test_is_revenue_growth()
    {
        var board = Board(March, Renewals(Significant, kpi: "CONVERSION"));

        Assert.Equal([0m, 0m, 192_000m, 0m], board.Series.Select(s => s.RevenueGrowth));
        Assert.All(board.Series, s => Assert.Equal(0m, s.Retention));
    }

    [Fact]
    public void An_experiment_of_its_own_before_any_initiative_starts_the_period()
    {
        var board = Board(March, Renewals(Significant, measured: December, initiative: null));

        Assert.Equal(December, board.PeriodStart);
        Assert.Equal(294_000m, board.Headline.Rox.Inputs[0].Value);
        Assert.Equal(102_000m, Assert.Single(board.Initiatives).Gains);
        Assert.Null(board.Experiments![0].Initiative);
    }

    [Fact]
    public void An_experiment_whose_money_cannot_be_computed_is_not_applicable_even_when_included()
    {
        var empty = HoldoutExperiment.Analyze(new HoldoutArm(0, 0), new HoldoutArm(12_500, 10_000), 25_000, 480m);

        var board = Board(March, Renewals(empty, include: true));

        Assert.Equal(200m, board.Headline.Rox.Value);
        Assert.Equal(ExperimentStanding.NotApplicable, board.Experiments![0].Standing);
    }

    [Fact]
    public void The_experiments_alone_stand_and_count_as_on_the_board()
    {
        ExperimentInputs[] experiments =
        [
            Renewals(Significant),
            Renewals(NotSignificant) with { Name = "Kept out" },
            Renewals(NotSignificant, include: true) with { Name = "By choice" },
            Renewals(Significant, measured: new YearMonth(2025, 4)) with { Name = "Still running" },
        ];

        var alone = RoxBoardCalculator.Experiments(experiments, March);

        Assert.Equal(
            [(ExperimentStanding.Significant, 192_000m), (ExperimentStanding.NotSignificant, 0m), (ExperimentStanding.IncludedByChoice, 96_000m), (ExperimentStanding.NotYetMeasured, 0m)],
            alone.Select(e => (e.Standing, e.Counted)));
        Assert.Equal(Board(March, experiments).Experiments!.Select(e => (e.Name, e.Standing, e.Counted)), alone.Select(e => (e.Name, e.Standing, e.Counted)));
    }

    [Fact]
    public void Without_experiments_the_board_is_as_before()
    {
        var board = RoxBoardCalculator.Compute(new BoardInputs(March, December, [Initiative()], []));

        Assert.Equal(200m, board.Headline.Rox.Value);
        Assert.Empty(board.Experiments!);
    }
}
