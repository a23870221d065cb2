using System.Globalization;
using CxDashboard.Core.Board;
using CxDashboard.Core.Experiments;
using CxDashboard.Core.Time;
using CxDashboard.Data.Model;

namespace CxDashboard.Web.Experiments;

/// <summary>
/// Turns a stored experiment into Core's inputs, in one place for the experiments page and the board, so that both read
/// the same lift, p-value and money.
/// </summary>
public static class ExperimentAnalysis
{
    /// <summary>The test arm: customers who got the change, and how many of them reached the outcome.</summary>
    public static HoldoutArm TestArm(Experiment experiment) => new(Require(experiment).TestCustomers, experiment.TestSuccesses);

    /// <summary>The held-out arm.</summary>
    public static HoldoutArm ControlArm(Experiment experiment) => new(Require(experiment).ControlCustomers, experiment.ControlSuccesses);

    /// <summary>The last month of the window: when the result was known, and the month the board counts its money in.</summary>
    public static YearMonth Measured(Experiment experiment) => YearMonth.FromKey(Require(experiment).WindowEnd);

    /// <summary>Every figure of its analysis with lineage naming the experiment and its window.</summary>
    public static HoldoutFigures Explain(Experiment experiment) => HoldoutExplanation.Explain(
        TestArm(experiment), ControlArm(experiment), experiment.EligiblePopulation, experiment.ValuePerUnit,
        ArmsSource(experiment), ValueSource(experiment));

    /// <summary>The experiment as the board counts it; <paramref name="initiativeName"/> is its initiative's, if any.</summary>
    public static ExperimentInputs BoardInput(Experiment experiment, string? initiativeName) => new(
        Require(experiment).Name,
        initiativeName,
        experiment.Kpi?.Code ?? "",
        Measured(experiment),
        HoldoutExperiment.Analyze(TestArm(experiment), ControlArm(experiment), experiment.EligiblePopulation, experiment.ValuePerUnit,
            ArmsSource(experiment), ValueSource(experiment)),
        experiment.IncludeInRox);

    /// <summary>The control arm's rate as a double, for the power check; NaN when the arm has no customers.</summary>
    public static double ControlRate(Experiment experiment) =>
        Require(experiment).ControlCustomers > 0 ? (double)experiment.ControlSuccesses / experiment.ControlCustomers : double.NaN;

    /// <summary>Where the arm counts came from: the test and its window.</summary>
    public static string ArmsSource(Experiment experiment) =>
        string.Create(CultureInfo.InvariantCulture,
            $"holdout test \"{Require(experiment).Name}\", {YearMonth.FromKey(experiment.WindowStart)} to {YearMonth.FromKey(experiment.WindowEnd)}");

    /// <summary>Where the population and the value per unit came from.</summary>
    public static string ValueSource(Experiment experiment) => $"the value assumptions of \"{Require(experiment).Name}\"";

    private static Experiment Require(Experiment experiment)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        return experiment;
    }
}
