namespace CxDashboard.Web.Exports;

/// <summary>
/// The board of one month as numbers with their units, for a spreadsheet or an integration to compute with: what the
/// board page shows, before it is written for a reader. The board export and GET /api/board both give this.
/// </summary>
/// <param name="Organisation">The organisation's name.</param>
/// <param name="Month">The month, "YYYY-MM".</param>
/// <param name="PeriodStart">The first month the to-date figures count, "YYYY-MM".</param>
/// <param name="Period">What the to-date figures cover, in words.</param>
/// <param name="Currency">The ISO code of every money figure.</param>
/// <param name="GeneratedUtc">When these figures were computed, UTC.</param>
/// <param name="GeneratedBy">Who asked for them: a user or "api:" and the key's name.</param>
/// <param name="PartnerScope">The partner whose data alone the figures cover; null for the whole organisation.</param>
/// <param name="Headline">ROX, ROI, value multiple, net value, NPV and payback to date.</param>
/// <param name="ThisMonth">The month's value by factor and investment.</param>
/// <param name="ValueByMonth">Value by factor and investment for every month of the period.</param>
/// <param name="Kpis">Each KPI tile: actual, baseline, target, deltas, status and money.</param>
/// <param name="Initiatives">Each initiative's figures to date.</param>
public sealed record BoardFigures(
    string Organisation,
    string Month,
    string PeriodStart,
    string Period,
    string Currency,
    DateTime GeneratedUtc,
    string GeneratedBy,
    string? PartnerScope,
    IReadOnlyList<HeadlineFigure> Headline,
    MonthValue ThisMonth,
    IReadOnlyList<MonthValue> ValueByMonth,
    IReadOnlyList<KpiFigures> Kpis,
    IReadOnlyList<InitiativeFigures> Initiatives);

/// <summary>One headline figure.</summary>
/// <param name="Key">rox, roi, multiple, net, npv or payback.</param>
/// <param name="Name">Its name on the board.</param>
/// <param name="Value">Its value; null when it does not apply.</param>
/// <param name="Unit">"%" (ROX 250 means 250 %), "×", "months" or the currency code.</param>
/// <param name="NotApplicableReason">Why there is no value; null when there is one.</param>
public sealed record HeadlineFigure(string Key, string Name, decimal? Value, string Unit, string? NotApplicableReason);

/// <summary>Risk-adjusted value by factor and investment in one month, in the organisation's currency.</summary>
/// <param name="Month">"YYYY-MM".</param>
/// <param name="CostReduction">Operational savings.</param>
/// <param name="RevenueGrowth">Revenue growth.</param>
/// <param name="Retention">Retained revenue.</param>
/// <param name="Gains">All three together.</param>
/// <param name="Investment">CX investment paid in the month.</param>
/// <param name="Net">Gains less investment.</param>
public sealed record MonthValue(string Month, decimal CostReduction, decimal RevenueGrowth, decimal Retention, decimal Gains, decimal Investment, decimal Net);

/// <summary>One KPI tile as numbers.</summary>
/// <param name="Code">The KPI's code.</param>
/// <param name="Name">Its name.</param>
/// <param name="Unit">The unit of actual, baseline, target and deltas: the currency code, "rate (0-1)", "seconds", "score", "count" or "weeks".</param>
/// <param name="HigherIsBetter">Which way it improves.</param>
/// <param name="Actual">This month's value; null when there is no data.</param>
/// <param name="Baseline">The organisation's baseline; null when none is set.</param>
/// <param name="Target">The target; null when none is set.</param>
/// <param name="DeltaVsBaseline">Actual less baseline.</param>
/// <param name="DeltaVsPreviousMonth">Actual less last month's.</param>
/// <param name="Status">TargetMet, Improving, NotImproved or NotApplicable.</param>
/// <param name="StatusText">The status in the board's words.</param>
/// <param name="MoneyThisMonth">What its value drivers produced this month, in the currency; null when none priced it.</param>
/// <param name="ValueLinked">False for a directional KPI no value driver prices.</param>
public sealed record KpiFigures(
    string Code, string Name, string Unit, bool HigherIsBetter,
    double? Actual, double? Baseline, double? Target, double? DeltaVsBaseline, double? DeltaVsPreviousMonth,
    string Status, string StatusText, decimal? MoneyThisMonth, bool ValueLinked);

/// <summary>One initiative's figures to date, in the currency; null figures before it starts.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Start">Its start month, "YYYY-MM".</param>
/// <param name="Started">False when it starts after the month.</param>
/// <param name="Gains">Risk-adjusted benefits from its start to the month.</param>
/// <param name="Investment">Risk-adjusted costs from its start to the month.</param>
/// <param name="RoxPercent">Its ROX to date in percent; null when it does not apply.</param>
public sealed record InitiativeFigures(string Name, string Start, bool Started, decimal? Gains, decimal? Investment, decimal? RoxPercent);
