namespace CxDashboard.Web.Exports;

/// <summary>
/// Keeps text that people typed from running as a formula when an export is opened in a spreadsheet (OWASP "CSV
/// injection"): a text cell starting with = + - @, a tab or a carriage return gets a single quote in front, which
/// spreadsheets show as text. Numbers are never text cells, so a negative value stays a number.
/// </summary>
public static class SpreadsheetText
{
    /// <summary>The characters that make a spreadsheet read a cell as a formula (or hide one after a control character).</summary>
    public static IReadOnlyList<char> FormulaStarts { get; } = ['=', '+', '-', '@', '\t', '\r'];

    /// <summary>True when <paramref name="text"/> would be taken for a formula.</summary>
    public static bool IsDangerous(string? text) => text is { Length: > 0 } && FormulaStarts.Contains(text[0]);

    /// <summary>The text as it is safe to write in a cell: prefixed with a single quote when it could run as a formula.</summary>
    public static string? Neutralise(string? text) => IsDangerous(text) ? "'" + text : text;
}
