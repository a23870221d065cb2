using CxDashboard.Core.Gates;
using CxDashboard.Core.CashFlows;
using CxDashboard.Core.Kpis;
using CxDashboard.Core.Time;
using CxDashboard.Core.Value;
using CxDashboard.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Data.Demo;

/// <summary>
/// A realistic, deterministic demo organisation: a telecom with 24 months of KPIs over four channels,
/// an in-house contact centre and two BPO partners, two customer segments, and three initiatives whose
/// effects show in the data they are measured by. The same seed always writes the same store.
/// </summary>
public static class DemoOrganisation
{
    /// <summary>The organisation's name.</summary>
    public const string Name = "Harbour Telecom";

    /// <summary>The first month of demo data.</summary>
    public static YearMonth FirstMonth { get; } = new(2024, 11);

    /// <summary>The last month of demo data.</summary>
    public static YearMonth LastMonth { get; } = new(2026, 10);

    /// <summary>Start of the AI agent for tier-1 contacts.</summary>
    public static YearMonth AiAgentStart { get; } = new(2025, 3);

    /// <summary>Start of agent assist.</summary>
    public static YearMonth AgentAssistStart { get; } = new(2025, 6);

    /// <summary>Start of chat outsourcing.</summary>
    public static YearMonth ChatOutsourcingStart { get; } = new(2025, 9);

    /// <summary>Writes the demo organisation into an empty store in one transaction.</summary>
    public static async Task SeedAsync(CxDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var plan = DemoMeasurements.Generate();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The audit trail says the demo organisation was added, kind of row by kind of row, not row by row.
        db.AuditsInBulk = true;
        db.Settings.Add(new OrganisationSettings
        {
            OrganisationName = Name,
            Currency = "USD",
            Culture = "en-US",
            FiscalYearStartMonth = 1,
            DefaultDiscountRate = 0.10m,
            DefaultLoadedHourlyRate = 38m,
        });
        var kpis = KpiCatalog.Standard.Select((k, i) => Kpi.From(k, i)).ToDictionary(k => k.Code);
        var channels = DemoMeasurements.Channels.ToDictionary(c => c.Code);
        var partners = DemoMeasurements.Partners.ToDictionary(p => p.Code);
        var segments = DemoMeasurements.Segments.ToDictionary(s => s.Code);
        db.Kpis.AddRange(kpis.Values);
        db.Channels.AddRange(channels.Values);
        db.Partners.AddRange(partners.Values);
        db.Segments.AddRange(segments.Values);
        await db.SaveChangesAsync(cancellationToken);

        db.Measurements.AddRange(plan.Select(p => new Measurement
        {
            KpiId = kpis[p.Kpi].Id,
            Month = p.Month.Key,
            ChannelId = p.Channel is null ? null : channels[p.Channel].Id,
            PartnerId = p.Partner is null ? null : partners[p.Partner].Id,
            SegmentId = p.Segment is null ? null : segments[p.Segment].Id,
            Value = p.Value,
            Numerator = p.Numerator,
            Denominator = p.Denominator,
            Weight = p.Weight,
        }));
        await db.SaveChangesAsync(cancellationToken);

        var baselines = new DemoBaselines(plan, kpis, channels, partners, segments);
        db.Baselines.AddRange(baselines.Organisation());
        var initiatives = Initiatives(baselines).ToList();
        db.Initiatives.AddRange(initiatives);
        await db.SaveChangesAsync(cancellationToken);
        db.Experiments.AddRange(Experiments(kpis, partners, initiatives));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.AuditsInBulk = false;
        db.ChangeTracker.Clear();
    }

    private static IEnumerable<Initiative> Initiatives(DemoBaselines b)
    {
        var ai = AiAgentStart;
        yield return new Initiative
        {
            Name = "AI agent for tier-1 contacts",
            Owner = "Priya Raman, Head of Digital Care",
            Description = "A conversational AI agent in the app and on the web resolves password resets, bill explanations and plan changes before they reach an agent.",
            StartMonth = ai.Key,
            HorizonMonths = 36,
            Type = InitiativeType.AiAgent,
            GateDecisions =
            {
                Decision(ReviewGateKind.NinetyDays, GateOutcome.Continue, new DateTime(2025, 6, 12, 14, 0, 0, DateTimeKind.Utc),
                    "Containment is climbing as the intents go live; keep funding and add the billing intents next."),
                Decision(ReviewGateKind.SixMonths, GateOutcome.Continue, new DateTime(2025, 9, 11, 14, 0, 0, DateTimeKind.Utc),
                    "Continue. Finance asks for the deflection figures to be checked against the self-service channel's contact volumes each quarter."),
                Decision(ReviewGateKind.EighteenMonths, GateOutcome.Adjust, new DateTime(2026, 9, 10, 14, 0, 0, DateTimeKind.Utc),
                    "Renew the licence for one more year; move the content team's budget to the plan-change intents, where containment lags."),
            },
            CostItems =
            [
                Cost("Conversational AI platform licence", CostCategory.SoftwareLicensing, CostNature.Opex, CostRecurrence.Monthly, 45_000m, ai, 0.05m),
                Cost("Implementation and CRM integration", CostCategory.Integration, CostNature.Capex, CostRecurrence.OneTime, 420_000m, ai, 0.10m),
                Cost("Content design and agent training", CostCategory.Training, CostNature.Opex, CostRecurrence.OneTime, 35_000m, ai, 0.10m),
            ],
            Baselines = { b.ForInitiative(KpiCatalog.Containment, ai, "SELF", null, null, target: 0.68) },
            ValueDrivers =
            {
                new ValueDriver
                {
                    Name = "Deflection to self-service",
                    Type = ValueDriverType.Deflection,
                    Factor = ValueFactor.CostReduction,
                    Risk = 0.15m,
                    UnitValue = 7.60m,
                    SecondaryUnitValue = 0.85m,
                },
            },
        }.LinkDrivers();

        var assist = AgentAssistStart;
        yield return new Initiative
        {
            Name = "Agent assist for voice agents",
            Owner = "Marcus Bell, Contact Centre Operations",
            Description = "Real-time guidance, knowledge surfacing and automatic call summaries for every voice agent, in-house and at Atlas.",
            StartMonth = assist.Key,
            HorizonMonths = 36,
            Type = InitiativeType.AgentAssist,
            GateDecisions =
            {
                Decision(ReviewGateKind.NinetyDays, GateOutcome.Continue, new DateTime(2025, 9, 11, 15, 0, 0, DateTimeKind.Utc),
                    "Handle time is moving at both sites; continue and extend the knowledge prompts to Atlas's agents."),
                Decision(ReviewGateKind.SixMonths, GateOutcome.Continue, new DateTime(2025, 12, 11, 15, 0, 0, DateTimeKind.Utc),
                    "Continue. The cross-sell benefit stays soft until the holdout test on business calls reports."),
            },
            CostItems =
            [
                Cost("Agent assist seat licences", CostCategory.SoftwareLicensing, CostNature.Opex, CostRecurrence.Monthly, 22_000m, assist, 0.05m),
                Cost("Telephony and knowledge-base integration", CostCategory.Integration, CostNature.Capex, CostRecurrence.OneTime, 160_000m, assist, 0.10m),
                Cost("Agent and team-leader training", CostCategory.Training, CostNature.Opex, CostRecurrence.OneTime, 55_000m, assist, 0.10m),
                Cost("Model tuning and maintenance", CostCategory.Maintenance, CostNature.Opex, CostRecurrence.Monthly, 4_000m, assist, 0.05m),
            ],
            Baselines =
            {
                b.ForInitiative(KpiCatalog.Aht, assist, "VOICE", null, null, target: 390),
                b.ForInitiative(KpiCatalog.Fcr, assist, "VOICE", null, null, target: 0.76),
                b.ForInitiative(KpiCatalog.RevenuePerCustomer, assist, null, null, "BUSINESS", target: 214),
                b.ForInitiative(KpiCatalog.Churn, assist, null, null, "CONSUMER", target: 0.0155),
            },
            ValueDrivers =
            {
                new ValueDriver { Name = "Handle-time savings, voice", Type = ValueDriverType.HandleTimeSavings, Factor = ValueFactor.CostReduction, Risk = 0.10m, UnitValue = 38m },
                new ValueDriver { Name = "Repeat-contact avoidance, voice", Type = ValueDriverType.RepeatContactAvoidance, Factor = ValueFactor.CostReduction, Risk = 0.20m, UnitValue = 7.90m },
                new ValueDriver { Name = "Cross-sell on assisted business calls", Type = ValueDriverType.RevenuePerCustomer, Factor = ValueFactor.RevenueGrowth, IsHard = false, Risk = 0.25m, Margin = 0.45m },
                new ValueDriver { Name = "Consumer churn reduction (flat)", Type = ValueDriverType.ChurnFlat, Factor = ValueFactor.Retention, Risk = 0.30m, UnitValue = 48m, Margin = 0.55m },
            },
        }.LinkDrivers();

        var chat = ChatOutsourcingStart;
        yield return new Initiative
        {
            Name = "Outsource chat to Meridian CX",
            Owner = "Elena Novak, Vendor Management",
            Description = "Move most chat contacts to Meridian CX under an outcome-based contract, keeping complex cases in-house.",
            StartMonth = chat.Key,
            HorizonMonths = 36,
            Type = InitiativeType.ChannelOutsourcing,
            GateDecisions =
            {
                Decision(ReviewGateKind.NinetyDays, GateOutcome.Continue, new DateTime(2025, 12, 11, 16, 0, 0, DateTimeKind.Utc),
                    "Transition complete; cost per chat is falling. Continue under the outcome-based contract."),
                Decision(ReviewGateKind.SixMonths, GateOutcome.Adjust, new DateTime(2026, 3, 12, 16, 0, 0, DateTimeKind.Utc),
                    "Keep the contract; bring complex billing chats back in-house, where first-contact resolution fell."),
            },
            CostItems =
            [
                Cost("Transition and knowledge transfer", CostCategory.OutsourcingFees, CostNature.Opex, CostRecurrence.OneTime, 180_000m, chat, 0.10m),
                Cost("Vendor governance and quality team", CostCategory.Other, CostNature.Opex, CostRecurrence.Monthly, 12_000m, chat, 0.05m),
            ],
            Baselines = { b.ForInitiative(KpiCatalog.Cpc, chat, "CHAT", null, null, target: 5.80) },
            ValueDrivers =
            {
                new ValueDriver { Name = "Lower cost per chat contact", Type = ValueDriverType.CostPerContact, Factor = ValueFactor.CostReduction, Risk = 0.10m },
            },
        }.LinkDrivers();
    }

    /// <summary>
    /// Two holdout tests: renewal outreach by agent assist (seed 001's 25,000 renewal-eligible customers), large enough to
    /// be significant; and the AI agent's follow-up offer, too small a test to tell its lift from chance.
    /// </summary>
    private static IEnumerable<Experiment> Experiments(
        Dictionary<string, Kpi> kpis, Dictionary<string, Partner> partners, List<Initiative> initiatives)
    {
        yield return new Experiment
        {
            Name = "Proactive renewal calls with agent assist",
            Hypothesis = "Consumers called before renewal by an assisted agent renew more often than those left to renew on their own.",
            KpiId = kpis[KpiCatalog.Retention].Id,
            InitiativeId = initiatives.First(i => i.Type == InitiativeType.AgentAssist).Id,
            WindowStart = new YearMonth(2026, 1).Key,
            WindowEnd = new YearMonth(2026, 6).Key,
            TestCustomers = 12_500,
            TestSuccesses = 10_238,
            ControlCustomers = 12_500,
            ControlSuccesses = 10_000,
            EligiblePopulation = 180_000,
            ValuePerUnit = 264m,
            PlannedMde = 0.012,
        };
        yield return new Experiment
        {
            Name = "AI agent follow-up upgrade offer",
            Hypothesis = "Customers whose contact the AI agent resolved accept a plan upgrade offered at the end of the conversation more often.",
            KpiId = kpis[KpiCatalog.Retention].Id,
            InitiativeId = initiatives.First(i => i.Type == InitiativeType.AiAgent).Id,
            PartnerId = partners["INHOUSE"].Id,
            WindowStart = new YearMonth(2026, 7).Key,
            WindowEnd = new YearMonth(2026, 9).Key,
            TestCustomers = 2_030,
            TestSuccesses = 1_644,
            ControlCustomers = 1_970,
            ControlSuccesses = 1_567,
            EligiblePopulation = 60_000,
            ValuePerUnit = 96m,
            PlannedMde = 0.02,
        };
    }

    private static GateDecision Decision(ReviewGateKind gate, GateOutcome outcome, DateTime decided, string note) => new()
    {
        Gate = gate,
        Outcome = outcome,
        Note = note,
        DecidedBy = "editor@harbour.demo",
        DecidedUtc = decided,
    };

    private static CostItem Cost(string name, CostCategory category, CostNature nature, CostRecurrence recurrence, decimal amount, YearMonth start, decimal risk) => new()
    {
        Name = name,
        Category = category,
        Nature = nature,
        Recurrence = recurrence,
        Amount = amount,
        StartMonth = start.Key,
        Risk = risk,
    };

    /// <summary>Pairs each driver with the baseline of the same position: drivers are declared in baseline order.</summary>
    private static Initiative LinkDrivers(this Initiative initiative)
    {
        for (var i = 0; i < initiative.ValueDrivers.Count; i++)
            initiative.ValueDrivers[i].Baseline = initiative.Baselines[i];
        return initiative;
    }
}
