using System.Globalization;
using CxDashboard.Core.Money;

namespace CxDashboard.Web.Formatting;

/// <summary>
/// Writes figures for one reader: the organisation's culture and currency are passed in, never taken
/// from the thread, so the same figure reads the same on every server. Core computes; this writes.
/// </summary>
public sealed class FigureFormat
{
    private readonly CultureInfo _culture;

    /// <summary>A format for a culture name ("en-US") and an ISO currency code ("USD").</summary>
    public FigureFormat(string cultureName, string currencyCode)
    {
        var culture = (CultureInfo)CultureInfo.GetCultureInfo(cultureName).Clone();
        culture.NumberFormat.CurrencySymbol = CurrencySymbol(currencyCode, culture);
        // A true minus sign: a hyphen reads as a dash in a figure and is easy to miss.
        culture.NumberFormat.NegativeSign = "\u2212";
        _culture = CultureInfo.ReadOnly(culture);
        CurrencyCode = currencyCode;
    }

    /// <summary>The ISO currency code.</summary>
    public string CurrencyCode { get; }

    /// <summary>The culture numbers are written in.</summary>
    public CultureInfo Culture => _culture;

    /// <summary>The value written for its unit: money without cents above 100, rates and percentages with one decimal.</summary>
    public string Format(decimal value, FigureUnit unit) => unit switch
    {
        // Cents only where they matter: small amounts that are not whole ($7.90), never on $0 or $1,920,000.
        FigureUnit.Money => Math.Abs(value) >= 100 || value == decimal.Truncate(value) ? value.ToString("C0", _culture) : value.ToString("C2", _culture),
        FigureUnit.Percent => (value / 100m).ToString("P1", _culture),
        FigureUnit.Multiple => value.ToString("N2", _culture) + "×",
        // Small rates (churn of 1.49 %) need a second decimal to show their change at all.
        FigureUnit.Rate => value.ToString(value != 0 && Math.Abs(value) < 0.05m ? "P2" : "P1", _culture),
        FigureUnit.Seconds => value.ToString("N0", _culture) + " s",
        FigureUnit.Score => value.ToString("N1", _culture),
        FigureUnit.Count => value.ToString("N0", _culture),
        FigureUnit.Weeks => value.ToString("N1", _culture) + " wk",
        FigureUnit.Months => value.ToString("N1", _culture) + " mo",
        // A p-value keeps the digits that tell 0.0013 from 0.013; below 0.0001 (a tail that underflowed to 0 too) they say nothing more.
        FigureUnit.Probability => value < 0.0001m ? "< " + 0.0001m.ToString("0.0000", _culture)
            : value.ToString(value < 0.01m ? "0.0000" : "0.000", _culture),
        FigureUnit.Statistic => value.ToString("N3", _culture),
        _ => value.ToString(_culture),
    };

    /// <summary>A compact money figure for tiles and axes ($1.9M, $416K).</summary>
    public string Compact(decimal value)
    {
        var abs = Math.Abs(value);
        var (scaled, suffix) = abs >= 1_000_000_000m ? (value / 1_000_000_000m, "B")
            : abs >= 1_000_000m ? (value / 1_000_000m, "M")
            : abs >= 10_000m ? (value / 1_000m, "K")
            : (value, "");
        return suffix.Length == 0 ? Format(value, FigureUnit.Money) : scaled.ToString("C1", _culture) + suffix;
    }

    /// <summary>The figure's formula with every input and the result written in this format.</summary>
    public string Substitute(ExplainedFigure figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        var text = figure.Template.Replace("{result}", figure.Value is { } v ? Format(v, figure.Unit) : "n/a", StringComparison.Ordinal);
        for (var i = 0; i < figure.Inputs.Count; i++)
            text = text.Replace("{" + i.ToString(CultureInfo.InvariantCulture) + "}", Format(figure.Inputs[i].Value, figure.Inputs[i].Unit), StringComparison.Ordinal);
        return text;
    }

    private static string CurrencySymbol(string code, CultureInfo culture)
    {
        // A neutral culture ("en") has no region or currency symbol of its own; its specific culture ("en-US") has.
        var specific = culture.Name.Length > 0 ? CultureInfo.CreateSpecificCulture(culture.Name) : CultureInfo.GetCultureInfo("en-US");
        if (string.Equals(new RegionInfo(specific.Name).ISOCurrencySymbol, code, StringComparison.OrdinalIgnoreCase))
            return specific.NumberFormat.CurrencySymbol;
        return code.ToUpperInvariant() switch
        {
            "USD" => "$",
            "EUR" => "€",
            "GBP" => "£",
            "JPY" => "¥",
            "INR" => "₹",
            "BRL" => "R$",
            _ => code.ToUpperInvariant() + " ",
        };
    }
}
