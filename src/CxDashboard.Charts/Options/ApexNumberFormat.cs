using System.Diagnostics.CodeAnalysis;

namespace CxDashboard.Charts;

/// <summary>
/// A number format for axis labels, data labels and tooltips, applied in the browser with
/// <c>Intl.NumberFormat</c>.
/// </summary>
/// <remarks>
/// apexcharts takes formatters as JavaScript functions, and Blazor Server cannot answer a synchronous
/// call from JavaScript into .NET, so a C# formatter is impossible. The format is sent as data instead
/// and ApexChart.razor.js builds the formatter from it; there is no eval, so a content security policy
/// without 'unsafe-eval' holds. The properties are those of <c>Intl.NumberFormat</c>'s options. With
/// <see cref="ApexNumberStyle.Percent"/> the values are fractions (0.12 is written 12%).
/// </remarks>
public sealed record ApexNumberFormat
{
    /// <summary>BCP 47 locale ("en-US", "de-DE"); null uses the browser's.</summary>
    public string? Locale { get; init; }

    /// <summary>Plain number, currency amount or percentage.</summary>
    public ApexNumberStyle? Style { get; init; }

    /// <summary>ISO 4217 code ("USD"); required when <see cref="Style"/> is <see cref="ApexNumberStyle.Currency"/>.</summary>
    public string? Currency { get; init; }

    /// <summary>Full digits or compact ("1.2M").</summary>
    public ApexNumberNotation? Notation { get; init; }

    /// <summary>Fewest digits after the decimal separator.</summary>
    public int? MinimumFractionDigits { get; init; }

    /// <summary>Most digits after the decimal separator.</summary>
    public int? MaximumFractionDigits { get; init; }
}

/// <summary><c>Intl.NumberFormat</c>'s style.</summary>
public enum ApexNumberStyle
{
    /// <summary>Plain number.</summary>
    [SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "Serialized as Intl.NumberFormat's own style name, \"decimal\".")]
    Decimal,

    /// <summary>Amount in <see cref="ApexNumberFormat.Currency"/>.</summary>
    Currency,

    /// <summary>Fraction written as a percentage.</summary>
    Percent,
}

/// <summary><c>Intl.NumberFormat</c>'s notation.</summary>
public enum ApexNumberNotation
{
    /// <summary>All digits (1,234,567).</summary>
    Standard,

    /// <summary>Short form (1.2M).</summary>
    Compact,
}
