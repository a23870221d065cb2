using CxDashboard.Core.Kpis;
using CxDashboard.Core.Time;
using CxDashboard.Data.Model;

namespace CxDashboard.Data.Demo;

/// <summary>One generated measurement, keyed by codes before the store assigns ids.</summary>
internal sealed record PlannedMeasurement(
    string Kpi, YearMonth Month, string? Channel, string? Partner, string? Segment,
    double Value, double? Numerator, double? Denominator, double? Weight);

/// <summary>
/// Generates the demo organisation's KPIs: volumes with seasonality, partner economics, and the effects of
/// the three initiatives ramping in after their start months, with a little deterministic noise.
/// </summary>
internal static class DemoMeasurements
{
    // New entities on every read: a seed writes the store's ids into the entities it adds, so shared instances
    // would carry one store's ids into the next store seeded by the same process (explicit ids on insert,
    // which leave a PostgreSQL identity sequence behind).
    internal static Channel[] Channels =>
    [
        new() { Code = "VOICE", Name = "Voice", SortOrder = 0 },
        new() { Code = "CHAT", Name = "Chat", SortOrder = 1 },
        new() { Code = "EMAIL", Name = "Email", SortOrder = 2 },
        new() { Code = "SELF", Name = "Self-service", IsAutomated = true, SortOrder = 3 },
    ];

    internal static Partner[] Partners =>
    [
        new() { Code = "INHOUSE", Name = "In-house", Kind = PartnerKind.InHouse, SortOrder = 0 },
        new() { Code = "ATLAS", Name = "Atlas Contact Solutions", Kind = PartnerKind.Outsourced, SortOrder = 1 },
        new() { Code = "MERIDIAN", Name = "Meridian CX", Kind = PartnerKind.Outsourced, SortOrder = 2 },
    ];

    internal static Segment[] Segments =>
    [
        new() { Code = "CONSUMER", Name = "Consumer", SortOrder = 0 },
        new() { Code = "BUSINESS", Name = "Business", SortOrder = 1 },
    ];

    /// <summary>How one partner handles one channel: handle time, cost per handling second, resolution, satisfaction.</summary>
    private sealed record Desk(
        string Channel, string Partner, double Aht, double CostPerSecond, double Fcr, double Csat,
        double Promoters, double Detractors, double Effort, double PeakResponse, double ComplaintRate,
        double Attrition, double RampWeeks);

    private static readonly Desk[] Desks =
    [
        new("VOICE", "INHOUSE", 430, 0.0190, 0.71, 0.78, 0.42, 0.24, 3.4, 95, 0.0040, 0.32, 8.0),
        new("VOICE", "ATLAS", 450, 0.0150, 0.69, 0.76, 0.40, 0.26, 3.5, 120, 0.0045, 0.45, 6.0),
        new("CHAT", "INHOUSE", 600, 0.0113, 0.74, 0.82, 0.45, 0.20, 2.9, 45, 0.0030, 0.30, 7.0),
        new("CHAT", "MERIDIAN", 620, 0.0078, 0.71, 0.80, 0.43, 0.22, 3.0, 55, 0.0034, 0.50, 5.0),
        new("EMAIL", "INHOUSE", 480, 0.0140, 0.62, 0.70, 0.35, 0.30, 3.8, 0, 0.0050, 0.28, 6.0),
        new("EMAIL", "ATLAS", 500, 0.0110, 0.60, 0.69, 0.34, 0.31, 3.9, 0, 0.0052, 0.44, 5.0),
    ];

    /// <summary>The whole demo data set, always the same.</summary>
    public static IReadOnlyList<PlannedMeasurement> Generate()
    {
        var rng = new Random(20241101);
        double Noise(double spread) => 1 + (rng.NextDouble() * 2 - 1) * spread;
        var rows = new List<PlannedMeasurement>();

        foreach (var month in YearMonth.Range(DemoOrganisation.FirstMonth, DemoOrganisation.LastMonth))
        {
            var season = 1 + 0.08 * Math.Cos(2 * Math.PI * (month.Month - 12) / 12.0);
            var ai = Ramp(month, DemoOrganisation.AiAgentStart, 4);
            var assist = Ramp(month, DemoOrganisation.AgentAssistStart, 3);
            var assistSlow = Ramp(month, DemoOrganisation.AgentAssistStart, 6);
            var chatMove = Ramp(month, DemoOrganisation.ChatOutsourcingStart, 4);

            var channelVolume = new Dictionary<string, double>
            {
                ["VOICE"] = 120_000 * season * (1 - 0.10 * ai),
                ["CHAT"] = 60_000 * season * (1 - 0.06 * ai),
                ["EMAIL"] = 30_000 * season,
                ["SELF"] = 140_000 * season * (1 + 0.12 * ai),
            };

            foreach (var segment in Segments)
            {
                var segmentShare = segment.Code == "CONSUMER" ? 0.82 : 0.18;
                var business = segment.Code == "BUSINESS";

                foreach (var desk in Desks)
                {
                    var share = PartnerShare(desk, chatMove);
                    if (share <= 0) continue;
                    var contacts = Math.Round(channelVolume[desk.Channel] * share * segmentShare * Noise(0.02));
                    var voice = desk.Channel == "VOICE";
                    var aht = desk.Aht * (business ? 1.10 : 1.0) * (voice ? 1 - 0.12 * assist : 1) * Noise(0.015);
                    var cpc = aht * desk.CostPerSecond + 0.60;
                    var fcr = Math.Min(0.95, (desk.Fcr + (voice ? 0.05 * assist : 0)) * Noise(0.01));
                    var csat = Math.Min(0.97, (desk.Csat + (voice ? 0.03 * assist : 0)) * Noise(0.01));
                    var promoters = desk.Promoters + (voice ? 0.02 * assist : 0);
                    var detractors = desk.Detractors - (voice ? 0.02 * assist : 0);
                    var effort = (desk.Effort - (voice ? 0.3 * assist : 0)) * Noise(0.01);
                    var responses = Math.Round(contacts * 0.09);
                    Add(rows, KpiCatalog.Cpc, month, desk.Channel, desk.Partner, segment.Code, Ratio(Math.Round(cpc * contacts, 2), contacts));
                    Add(rows, KpiCatalog.Fcr, month, desk.Channel, desk.Partner, segment.Code, Ratio(Math.Round(fcr * contacts), contacts));
                    Add(rows, KpiCatalog.Aht, month, desk.Channel, desk.Partner, segment.Code, Weighted(Math.Round(aht, 1), contacts));
                    Add(rows, KpiCatalog.Csat, month, desk.Channel, desk.Partner, segment.Code, Ratio(Math.Round(csat * responses), responses));
                    Add(rows, KpiCatalog.Nps, month, desk.Channel, desk.Partner, segment.Code,
                        NetScore(Math.Round(promoters * Noise(0.03) * responses) - Math.Round(detractors * Noise(0.03) * responses), responses));
                    Add(rows, KpiCatalog.Ces, month, desk.Channel, desk.Partner, segment.Code, Weighted(Math.Round(effort, 2), responses));
                    var complaints = Math.Round(contacts * desk.ComplaintRate * (1 - 0.5 * (fcr - desk.Fcr)) * Noise(0.05));
                    Add(rows, KpiCatalog.Complaints, month, desk.Channel, desk.Partner, segment.Code, new(complaints, null, null, null));
                    if (desk.PeakResponse > 0)
                    {
                        var peak = desk.PeakResponse * (voice ? 1 - 0.15 * ai : 1) * Noise(0.04);
                        Add(rows, KpiCatalog.PeakResponse, month, desk.Channel, desk.Partner, segment.Code, Weighted(Math.Round(peak, 1), Math.Round(contacts * 0.3)));
                    }
                }

                var sessions = Math.Round(channelVolume["SELF"] * segmentShare * Noise(0.02));
                var containment = (0.52 + 0.16 * ai) * Noise(0.01);
                var selfResponses = Math.Round(sessions * 0.04);
                Add(rows, KpiCatalog.Containment, month, "SELF", "INHOUSE", segment.Code, Ratio(Math.Round(containment * sessions), sessions));
                Add(rows, KpiCatalog.Cpc, month, "SELF", "INHOUSE", segment.Code, Ratio(Math.Round(0.85 * Noise(0.02) * sessions, 2), sessions));
                Add(rows, KpiCatalog.Csat, month, "SELF", "INHOUSE", segment.Code, Ratio(Math.Round((0.66 + 0.06 * ai) * Noise(0.01) * selfResponses), selfResponses));
                Add(rows, KpiCatalog.Nps, month, "SELF", "INHOUSE", segment.Code,
                    NetScore(Math.Round((0.30 + 0.04 * ai) * selfResponses) - Math.Round((0.32 - 0.03 * ai) * selfResponses), selfResponses));
                Add(rows, KpiCatalog.Ces, month, "SELF", "INHOUSE", segment.Code, Weighted(Math.Round((3.6 - 0.4 * ai) * Noise(0.01), 2), selfResponses));
                Add(rows, KpiCatalog.Complaints, month, "SELF", "INHOUSE", segment.Code, new(Math.Round(sessions * 0.0015 * Noise(0.05)), null, null, null));

                var index = DemoOrganisation.FirstMonth.MonthsUntil(month);
                var customers = Math.Round((business ? 24_000 : 410_000) * Math.Pow(1.003, index));
                var churn = (business ? 0.0090 : 0.0165 - 0.0010 * assistSlow) * Noise(0.02);
                var lost = Math.Round(customers * churn);
                var arpu = (business ? 210 + 4 * assistSlow : 48) * (1 + 0.01 * Math.Sin(2 * Math.PI * month.Month / 12.0)) * Noise(0.003);
                var margin = business ? 0.45 : 0.55;
                Add(rows, KpiCatalog.Churn, month, null, null, segment.Code, Ratio(lost, customers));
                Add(rows, KpiCatalog.Retention, month, null, null, segment.Code, Ratio(customers - lost, customers));
                Add(rows, KpiCatalog.RevenuePerCustomer, month, null, null, segment.Code, Ratio(Math.Round(arpu * customers, 2), customers));
                Add(rows, KpiCatalog.Clv, month, null, null, segment.Code, Weighted(Math.Round(arpu * margin / (lost / customers), 2), customers));
                Add(rows, KpiCatalog.Returns, month, null, null, segment.Code, new(Math.Round(customers * (business ? 0.012 : 0.009) * Noise(0.05)), null, null, null));
            }

            foreach (var desk in Desks)
            {
                var share = PartnerShare(desk, chatMove);
                if (share <= 0) continue;
                var workload = channelVolume[desk.Channel] * share * desk.Aht / 3600;
                var occupancy = (desk.Partner == "INHOUSE" ? 0.80 : 0.84) * Noise(0.015);
                var agents = Math.Round(workload / (occupancy * 140));
                var inHouseVoice = desk.Partner == "INHOUSE" && desk.Channel == "VOICE";
                var attrition = (desk.Attrition - (inHouseVoice ? 0.05 * assistSlow : 0)) * Noise(0.03);
                var ramp = (desk.RampWeeks - (desk.Channel == "VOICE" ? 1.5 * assist : 0)) * Noise(0.02);
                var hires = Math.Max(1, Math.Round(agents * attrition / 12));
                Add(rows, KpiCatalog.Occupancy, month, desk.Channel, desk.Partner, null, Weighted(Math.Round(occupancy, 4), agents));
                Add(rows, KpiCatalog.Attrition, month, desk.Channel, desk.Partner, null, Weighted(Math.Round(attrition, 4), agents));
                Add(rows, KpiCatalog.RampTime, month, desk.Channel, desk.Partner, null, Weighted(Math.Round(ramp, 1), hires));
            }
        }

        return rows;
    }

    private static double PartnerShare(Desk desk, double chatMove) => (desk.Channel, desk.Partner) switch
    {
        ("VOICE", "INHOUSE") => 0.6,
        ("VOICE", _) => 0.4,
        ("EMAIL", _) => 0.5,
        ("CHAT", "MERIDIAN") => 0.85 * chatMove,
        ("CHAT", _) => 1 - 0.85 * chatMove,
        _ => 0,
    };

    /// <summary>0 before the start, rising evenly to 1 over <paramref name="months"/> months from the start.</summary>
    private static double Ramp(YearMonth month, YearMonth start, int months) =>
        Math.Clamp((start.MonthsUntil(month) + 1) / (double)months, 0, 1);

    private readonly record struct Reading(double Value, double? Numerator, double? Denominator, double? Weight);

    private static Reading Ratio(double numerator, double denominator) => new(numerator / denominator, numerator, denominator, null);

    private static Reading NetScore(double net, double responses) => new(100 * net / responses, net, responses, null);

    private static Reading Weighted(double value, double weight) => new(value, null, null, weight);

    private static void Add(List<PlannedMeasurement> rows, string kpi, YearMonth month, string? channel, string? partner, string? segment, Reading r) =>
        rows.Add(new PlannedMeasurement(kpi, month, channel, partner, segment, r.Value, r.Numerator, r.Denominator, r.Weight));
}
