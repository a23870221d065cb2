using System.Globalization;
using System.Text;
using CxDashboard.Data;
using CxDashboard.Data.Model;

namespace CxDashboard.Benchmarks.Importing;

/// <summary>One measurement row already parsed, with its store ids: what a raw floor writes.</summary>
internal sealed record PlainRow(int KpiId, int Month, int ChannelId, int PartnerId, int SegmentId, double Value, double? Numerator, double? Denominator, double? Weight);

/// <summary>
/// The import benchmarks' file: a million distinct rows (250 months × 20 partners × 10 channels × 5 segments × FCR,
/// AHT, NPS and complaints, one of each way a KPI is kept: a ratio, a weighted mean, a net score, a sum), written as
/// the CSV the data page takes, and the same rows with their ids for the raw floors. The same on every run.
/// </summary>
internal static class MillionRowFile
{
    public const int RowCount = 1_000_000;
    public const string Header = "month,kpi,channel,partner,segment,value,numerator,denominator,weight,note\n";

    /// <summary>Adds the file's partners, channels and segments to a store that holds the KPI catalog.</summary>
    public static void AddDimensions(CxDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        for (var i = 1; i <= 20; i++) db.Partners.Add(new Partner { Code = Code("P", i), Name = $"Partner {i}" });
        for (var i = 1; i <= 10; i++) db.Channels.Add(new Channel { Code = Code("C", i), Name = $"Channel {i}" });
        for (var i = 1; i <= 5; i++) db.Segments.Add(new Segment { Code = Code("S", i), Name = $"Segment {i}" });
        db.SaveChanges();
    }

    /// <summary>Writes the file and returns its rows with the store's ids.</summary>
    public static PlainRow[] Write(CxDbContext db, string file)
    {
        ArgumentNullException.ThrowIfNull(db);
        var kpis = db.Kpis.ToDictionary(k => k.Code, k => k.Id);
        var channels = db.Channels.ToDictionary(c => c.Code, c => c.Id);
        var partners = db.Partners.ToDictionary(p => p.Code, p => p.Id);
        var segments = db.Segments.ToDictionary(s => s.Code, s => s.Id);
        var rows = new PlainRow[RowCount];
        var count = 0;
        using var writer = new StreamWriter(file, false, new UTF8Encoding(false), 1 << 16);
        writer.Write(Header);
        for (var m = 0; m < 250; m++)
        {
            var month = (2000 + m / 12) * 100 + m % 12 + 1;
            var monthText = string.Create(CultureInfo.InvariantCulture, $"{month / 100}-{month % 100:D2}");
            for (var p = 1; p <= 20; p++)
                for (var c = 1; c <= 10; c++)
                    for (var s = 1; s <= 5; s++)
                    {
                        var (channel, partner, segment) = (Code("C", c), Code("P", p), Code("S", s));
                        var dims = $"{channel},{partner},{segment}";
                        var ids = (channels[channel], partners[partner], segments[segment]);
                        Add("FCR", (700d + s) / 1000, 700d + s, 1000, null, $",{700 + s},1000,");
                        Add("AHT", 400.5 + c, null, null, 1000d + p, string.Create(CultureInfo.InvariantCulture, $"{400.5 + c},,,{1000 + p}"));
                        Add("NPS", 100 * (100d + p) / 900, 100d + p, 900, null, $",{100 + p},900,");
                        Add("COMPLAINTS", s + c, null, null, null, string.Create(CultureInfo.InvariantCulture, $"{s + c},,,"));

                        void Add(string kpi, double value, double? numerator, double? denominator, double? weight, string figures)
                        {
                            writer.Write($"{monthText},{kpi},{dims},{figures},\n");
                            rows[count++] = new PlainRow(kpis[kpi], month, ids.Item1, ids.Item2, ids.Item3, value, numerator, denominator, weight);
                        }
                    }
        }

        return rows;
    }

    private static string Code(string prefix, int i) => string.Create(CultureInfo.InvariantCulture, $"{prefix}{i:D2}");
}
