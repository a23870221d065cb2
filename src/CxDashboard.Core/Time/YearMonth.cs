using System.Globalization;

namespace CxDashboard.Core.Time;

/// <summary>A calendar month, the period every KPI and cash flow is kept in.</summary>
public readonly record struct YearMonth : IComparable<YearMonth>, ISpanFormattable
{
    /// <summary>Creates a month; throws when the month number is outside 1..12 or the year outside 1..9999.</summary>
    public YearMonth(int year, int month)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        Year = year;
        Month = month;
    }

    /// <summary>The calendar year.</summary>
    public int Year { get; }

    /// <summary>The month number, 1 for January.</summary>
    public int Month { get; }

    /// <summary>The month as the integer the store keys it by: year × 100 + month (202511).</summary>
    public int Key => Year * 100 + Month;

    /// <summary>The month from its store key (202511); throws when the key is not a month.</summary>
    public static YearMonth FromKey(int key) => new(key / 100, key % 100);

    /// <summary>The month <paramref name="months"/> later (earlier when negative).</summary>
    public YearMonth AddMonths(int months)
    {
        var index = Year * 12 + (Month - 1) + months;
        return new YearMonth(index / 12, index % 12 + 1);
    }

    /// <summary>Whole months from this month to <paramref name="other"/>: 0 for the same month, negative when other is earlier.</summary>
    public int MonthsUntil(YearMonth other) => (other.Year * 12 + other.Month) - (Year * 12 + Month);

    /// <summary>Reads "YYYY-MM"; false for anything else.</summary>
    public static bool TryParse(string? text, out YearMonth month)
    {
        month = default;
        if (text is null || text.Length != 7 || text[4] != '-') return false;
        if (!int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var y)) return false;
        if (!int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var m)) return false;
        if (y < 1 || m < 1 || m > 12) return false;
        month = new YearMonth(y, m);
        return true;
    }

    /// <summary>The months from <paramref name="first"/> to <paramref name="last"/>, both included.</summary>
    public static IEnumerable<YearMonth> Range(YearMonth first, YearMonth last)
    {
        for (var m = first; m <= last; m = m.AddMonths(1)) yield return m;
    }

    /// <inheritdoc />
    public int CompareTo(YearMonth other) => Key.CompareTo(other.Key);

    /// <summary>Earlier month.</summary>
    public static bool operator <(YearMonth a, YearMonth b) => a.Key < b.Key;
    /// <summary>Later month.</summary>
    public static bool operator >(YearMonth a, YearMonth b) => a.Key > b.Key;
    /// <summary>Same or earlier month.</summary>
    public static bool operator <=(YearMonth a, YearMonth b) => a.Key <= b.Key;
    /// <summary>Same or later month.</summary>
    public static bool operator >=(YearMonth a, YearMonth b) => a.Key >= b.Key;

    /// <summary>"YYYY-MM", the form used in files, URLs and the API.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}");

    /// <summary>"YYYY-MM" whatever the format and culture: a month reads the same everywhere.</summary>
    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    /// <summary>Writes "YYYY-MM" straight into a string being built, as the interpolations of the explanations do.</summary>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        destination.TryWrite(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}", out charsWritten);
}
