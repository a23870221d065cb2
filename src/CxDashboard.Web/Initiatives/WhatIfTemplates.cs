using CxDashboard.Core.CashFlows;
using CxDashboard.Core.Kpis;
using CxDashboard.Core.Time;
using CxDashboard.Core.Value;
using CxDashboard.Data.Model;

namespace CxDashboard.Web.Initiatives;

/// <summary>A what-if template: what it is for and the business case it starts.</summary>
/// <param name="Type">The initiative type.</param>
/// <param name="Title">"AI agent".</param>
/// <param name="Summary">What the template models, in a sentence.</param>
public sealed record WhatIfTemplate(InitiativeType Type, string Title, string Summary);

/// <summary>
/// The what-if page's starting business cases, one per initiative type, with defaults from the seed documents and
/// FORMULAS.md: seed 001's handle-time example (420 → 360 s on 200,000 contacts a month at $48 an hour) and flat churn
/// example (50,000 customers, ARPU $40, margin 60 %, 0.5 pp lower monthly churn); seed 004's cost categories (licences,
/// integration, maintenance, training, infrastructure) and its chatbot cost cut; seeds 002 and 003's outsourcing case,
/// where the partner should bring the cost per contact down and complaints with it.
/// </summary>
public static class WhatIfTemplates
{
    /// <summary>The templates, in the order the page offers them.</summary>
    public static IReadOnlyList<WhatIfTemplate> All { get; } =
    [
        new(InitiativeType.AiAgent, "AI agent",
            "A conversational AI agent resolves tier-1 contacts in self-service before they reach an agent: priced as deflection (containment × the cost an assisted contact saves)."),
        new(InitiativeType.AgentAssist, "Agent assist",
            "Real-time guidance for voice agents shortens handle time (for example from 420 to 360 s on 200,000 contacts a month) and keeps a few more customers."),
        new(InitiativeType.ChannelOutsourcing, "Outsourcing a channel",
            "A BPO partner takes over chat under an outcome-based contract: the cost per contact falls and so do complaints. The partner's fees are in the new cost per contact."),
    ];

    /// <summary>
    /// A new draft from the template of <paramref name="type"/>, starting in <paramref name="start"/>; each driver covers the
    /// channel whose code <paramref name="channel"/> finds (null when the organisation has none by that code: all channels).
    /// </summary>
    public static WhatIfDraft Draft(InitiativeType type, YearMonth start, Func<string, int?> channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var draft = new WhatIfDraft
        {
            Type = type,
            Start = start,
            HorizonMonths = 36,
            DiscountRatePercent = 10m,
            Description = All.FirstOrDefault(t => t.Type == type)?.Summary ?? "",
        };
        switch (type)
        {
            case InitiativeType.AiAgent:
                draft.Name = "AI agent for tier-1 contacts";
                draft.Costs =
                [
                    Cost("Conversational AI platform licence", CostCategory.SoftwareLicensing, CostNature.Opex, CostRecurrence.Monthly, 45_000m, start, 5m),
                    Cost("Implementation and CRM integration", CostCategory.Integration, CostNature.Capex, CostRecurrence.OneTime, 420_000m, start, 10m),
                    Cost("Content design and agent training", CostCategory.Training, CostNature.Opex, CostRecurrence.OneTime, 35_000m, start, 10m),
                    Cost("Intent tuning and maintenance", CostCategory.Maintenance, CostNature.Opex, CostRecurrence.Monthly, 8_000m, start, 5m),
                    Cost("Cloud hosting", CostCategory.Infrastructure, CostNature.Opex, CostRecurrence.Monthly, 6_000m, start, 5m),
                ];
                draft.Drivers =
                [
                    new WhatIfDriver
                    {
                        Name = "Deflection to self-service", Type = ValueDriverType.Deflection, KpiCode = KpiCatalog.Containment,
                        Factor = ValueFactor.CostReduction, ChannelId = channel("SELF"),
                        Baseline = 40, Target = 60, ConservativeChange = 10, OptimisticChange = 28,
                        Volume = 120_000m, UnitValue = 7.60m, SecondaryUnitValue = 0.85m, RiskPercent = 15m, RampUpMonths = 3,
                    },
                ];
                break;
            case InitiativeType.AgentAssist:
                draft.Name = "Agent assist for voice agents";
                draft.Costs =
                [
                    Cost("Agent assist seat licences", CostCategory.SoftwareLicensing, CostNature.Opex, CostRecurrence.Monthly, 22_000m, start, 5m),
                    Cost("Telephony and knowledge-base integration", CostCategory.Integration, CostNature.Capex, CostRecurrence.OneTime, 160_000m, start, 10m),
                    Cost("Agent and team-leader training", CostCategory.Training, CostNature.Opex, CostRecurrence.OneTime, 55_000m, start, 10m),
                    Cost("Model tuning and maintenance", CostCategory.Maintenance, CostNature.Opex, CostRecurrence.Monthly, 4_000m, start, 5m),
                ];
                draft.Drivers =
                [
                    new WhatIfDriver
                    {
                        Name = "Handle-time savings, voice", Type = ValueDriverType.HandleTimeSavings, KpiCode = KpiCatalog.Aht,
                        Factor = ValueFactor.CostReduction, ChannelId = channel("VOICE"),
                        Baseline = 420, Target = 360, ConservativeChange = -30, OptimisticChange = -75,
                        Volume = 200_000m, UnitValue = 48m, RiskPercent = 10m, RampUpMonths = 2,
                    },
                    new WhatIfDriver
                    {
                        // Annual churn of 20 % is 1.84 % a month; 0.5 pp lower keeps 250 of 50,000 customers a month.
                        Name = "Churn reduction (flat)", Type = ValueDriverType.ChurnFlat, KpiCode = KpiCatalog.Churn,
                        Factor = ValueFactor.Retention,
                        Baseline = 1.84, Target = 1.34, ConservativeChange = -0.25, OptimisticChange = -0.75,
                        Volume = 50_000m, UnitValue = 40m, MarginPercent = 60m, RiskPercent = 30m,
                    },
                ];
                break;
            default:
                draft.Type = InitiativeType.ChannelOutsourcing;
                draft.Name = "Outsource chat to a BPO partner";
                draft.Description = All[2].Summary;
                draft.Costs =
                [
                    Cost("Transition and knowledge transfer", CostCategory.OutsourcingFees, CostNature.Opex, CostRecurrence.OneTime, 180_000m, start, 10m),
                    Cost("Partner onboarding and training", CostCategory.Training, CostNature.Opex, CostRecurrence.OneTime, 40_000m, start, 10m),
                    Cost("Vendor governance and quality team", CostCategory.Other, CostNature.Opex, CostRecurrence.Monthly, 12_000m, start, 5m),
                ];
                draft.Drivers =
                [
                    new WhatIfDriver
                    {
                        Name = "Lower cost per chat contact", Type = ValueDriverType.CostPerContact, KpiCode = KpiCatalog.Cpc,
                        Factor = ValueFactor.CostReduction, ChannelId = channel("CHAT"),
                        Baseline = 7.20, Target = 5.80, ConservativeChange = -0.70, OptimisticChange = -1.90,
                        Volume = 60_000m, RiskPercent = 10m, RampUpMonths = 3,
                    },
                    new WhatIfDriver
                    {
                        Name = "Fewer chat complaints", Type = ValueDriverType.ComplaintsAndReturns, KpiCode = KpiCatalog.Complaints,
                        Factor = ValueFactor.CostReduction, ChannelId = channel("CHAT"),
                        Baseline = 900, Target = 780, ConservativeChange = -60, OptimisticChange = -180,
                        UnitValue = 45m, RiskPercent = 20m, RampUpMonths = 3,
                    },
                ];
                break;
        }

        return draft;
    }

    private static WhatIfCost Cost(string name, CostCategory category, CostNature nature, CostRecurrence recurrence, decimal amount, YearMonth start, decimal risk) => new()
    {
        Name = name,
        Category = category,
        Nature = nature,
        Recurrence = recurrence,
        Amount = amount,
        Start = start,
        RiskPercent = risk,
    };
}
