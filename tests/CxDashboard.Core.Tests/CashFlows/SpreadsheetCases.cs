using System.Globalization;
using CxDashboard.Core.CashFlows;

namespace CxDashboard.Core.Tests.CashFlows;

/// <summary>
/// One row of Data/CashFlows/cashflow-results.csv: the flows of a case and what LibreOffice Calc computed for them from
/// the formulas in cashflow-cases.fods (=CF₀+NPV(r;CF₁..), =IRR(..), and the payback columns).
/// </summary>
public sealed record SpreadsheetCase(
    string Id,
    string Description,
    double AnnualRate,
    int PeriodsPerYear,
    double RatePerPeriod,
    string Expect,
    int Periods,
    double Npv,
    double? Irr,
    double? IrrAnnual,
    int PaybackIndex,
    double? Payback,
    int DiscountedPaybackIndex,
    double? DiscountedPayback,
    IReadOnlyList<decimal> Flows)
{
    public CashFlowPeriod Period => PeriodsPerYear == 12 ? CashFlowPeriod.Month : CashFlowPeriod.Year;

    public override string ToString() => Id;
}

/// <summary>Reads the Calc results that live beside the solution (the test project's csproj copies nothing).</summary>
public static class SpreadsheetCases
{
    private const string NotWithinHorizon = "not within horizon";

    private static readonly Lazy<IReadOnlyDictionary<string, SpreadsheetCase>> Cases = new(Load);

    public static IReadOnlyDictionary<string, SpreadsheetCase> All => Cases.Value;

    public static string DataFile(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CxDashboard.sln")))
                return Path.Combine(dir.FullName, "tests", "CxDashboard.Core.Tests", "Data", "CashFlows", name);
        }

        throw new InvalidOperationException("No folder above the test binaries holds CxDashboard.sln.");
    }

    private static Dictionary<string, SpreadsheetCase> Load()
    {
        var lines = File.ReadAllLines(DataFile("cashflow-results.csv"));
        var header = Split(lines[0]);
        Assert.Equal("flows", header[14]);
        return lines.Skip(1).Where(l => l.Length > 0).Select(Parse).ToDictionary(c => c.Id);
    }

    private static SpreadsheetCase Parse(string line)
    {
        var f = Split(line);
        var flows = f.Skip(14).TakeWhile(x => x.Length > 0)
            .Select(x => decimal.Parse(x, NumberStyles.Float, CultureInfo.InvariantCulture)).ToList();
        return new SpreadsheetCase(
            f[0], f[1], Number(f[2])!.Value, int.Parse(f[3], CultureInfo.InvariantCulture), Number(f[4])!.Value, f[5],
            int.Parse(f[6], CultureInfo.InvariantCulture), Number(f[7])!.Value, Number(f[8]), Number(f[9]),
            int.Parse(f[10], CultureInfo.InvariantCulture), Payback(f[11]),
            int.Parse(f[12], CultureInfo.InvariantCulture), Payback(f[13]), flows);
    }

    private static double? Payback(string text) => text == NotWithinHorizon ? null : Number(text);

    /// <summary>A number as Calc wrote it; "12.5%" is 0.125; an error such as "Err:523" is null.</summary>
    private static double? Number(string text)
    {
        if (text.StartsWith("Err:", StringComparison.Ordinal) || text.StartsWith('#')) return null;
        return text.EndsWith('%')
            ? (double)(decimal.Parse(text[..^1], NumberStyles.Float, CultureInfo.InvariantCulture) / 100m)
            : double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    private static List<string> Split(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { current.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else current.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(current.ToString()); current.Clear(); }
            else current.Append(c);
        }

        fields.Add(current.ToString());
        return fields;
    }
}
