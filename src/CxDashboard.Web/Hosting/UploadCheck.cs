using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace CxDashboard.Web.Hosting;

/// <summary>What an uploaded file is, judged by its content rather than its name.</summary>
public enum UploadKind
{
    /// <summary>UTF-8 text: a CSV file.</summary>
    Csv,

    /// <summary>An Excel workbook (.xlsx): a ZIP package with a workbook inside.</summary>
    Xlsx,
}

/// <summary>The verdict on an upload: its kind when accepted, or what is wrong with it and how to put it right.</summary>
/// <param name="Kind">What the file is, when accepted.</param>
/// <param name="Problem">Why it is refused, in a sentence a person can act on; null when accepted.</param>
public sealed record UploadVerdict(UploadKind? Kind, string? Problem)
{
    /// <summary>True when the file may be read.</summary>
    public bool Accepted => Problem is null;
}

/// <summary>
/// The first look at every uploaded file, before anything reads it as data: its size against the limit and its
/// type from its first bytes (a name can say anything). Imports and the API read only what this accepts.
/// </summary>
public static class UploadCheck
{
    /// <summary>The largest upload taken unless configured otherwise: 256 MB, room for about a million CSV rows.</summary>
    public const long DefaultMaxBytes = 256L * 1024 * 1024;

    private const int TextSample = 64 * 1024;

    /// <summary>Inspects <paramref name="content"/> (a seekable stream at its start, left at its start).</summary>
    public static UploadVerdict Inspect(Stream content, string fileName, long maxBytes = DefaultMaxBytes)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(fileName);
        if (!content.CanSeek) throw new ArgumentException("The upload must be buffered (seekable) before it is inspected.", nameof(content));
        try
        {
            return Judge(content, fileName, maxBytes);
        }
        finally
        {
            content.Position = 0;
        }
    }

    private static UploadVerdict Judge(Stream content, string fileName, long maxBytes)
    {
        var length = content.Length;
        if (length == 0)
            return Refused($"{fileName} is empty: choose the file that holds the header row and the data.");
        if (length > maxBytes)
            return Refused($"{fileName} is {Megabytes(length)}; the most one upload may be is {Megabytes(maxBytes)}: split it (by month, for example) or ask an administrator to raise Uploads:MaxMegabytes.");

        var head = new byte[(int)Math.Min(length, TextSample)];
        content.Position = 0;
        content.ReadExactly(head);
        if (StartsWith(head, "PK\u0003\u0004"u8)) return Workbook(content, fileName);
        if (StartsWith(head, [0xD0, 0xCF, 0x11, 0xE0]))
            return Refused($"{fileName} is an Excel 97-2003 workbook (.xls), which the app does not read: save it as .xlsx, or as CSV UTF-8, and upload that.");
        if (StartsWith(head, "%PDF"u8))
            return Refused($"{fileName} is a PDF document, not data: export the figures as CSV or .xlsx and upload that.");
        if (Array.IndexOf(head, (byte)0) is var zero and >= 0)
            return Refused($"{fileName} is not a text file (it holds binary data, from byte {zero.ToString("N0", CultureInfo.InvariantCulture)}): upload a CSV saved as text, or an .xlsx workbook.");
        return Text(head, length, fileName);
    }

    private static UploadVerdict Workbook(Stream content, string fileName)
    {
        try
        {
            content.Position = 0;
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.GetEntry("[Content_Types].xml") is null || zip.GetEntry("xl/workbook.xml") is null)
                return Refused($"{fileName} is a ZIP archive but not an Excel workbook: upload the .xlsx file itself, or a CSV.");
            return new UploadVerdict(UploadKind.Xlsx, null);
        }
        catch (InvalidDataException)
        {
            return Refused($"{fileName} looks like an Excel workbook but is damaged or incomplete: open it in Excel, save it again as .xlsx, and upload that.");
        }
    }

    private static UploadVerdict Text(byte[] head, long length, string fileName)
    {
        // A sample cut in the middle of a character is not an error: only complete characters are judged.
        var sample = head.AsSpan();
        if (length > head.Length)
        {
            var cut = sample.Length;
            while (cut > 0 && cut > sample.Length - 4 && (sample[cut - 1] & 0xC0) == 0x80) cut--;
            if (cut > 0 && sample[cut - 1] >= 0xC0) cut--;
            sample = sample[..cut];
        }

        try
        {
            _ = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetCharCount(sample);
        }
        catch (DecoderFallbackException e)
        {
            var at = e.Index >= 0 ? e.Index : 0;
            var bad = e.BytesUnknown is { Length: > 0 } bytes ? $"0x{bytes[0]:X2}" : "a byte";
            return Refused($"{fileName} is not UTF-8 text ({bad} at byte {at.ToString("N0", CultureInfo.InvariantCulture)} is how Windows-1252 or Latin-1 write accented letters): save it as \"CSV UTF-8\" and upload it again.");
        }

        return new UploadVerdict(UploadKind.Csv, null);
    }

    private static bool StartsWith(ReadOnlySpan<byte> head, ReadOnlySpan<byte> signature) => head.StartsWith(signature);

    private static UploadVerdict Refused(string problem) => new(null, problem);

    private static string Megabytes(long bytes) =>
        (bytes / 1024d / 1024d).ToString("N1", CultureInfo.InvariantCulture) + " MB";
}

/// <summary>The "Uploads" settings: how large one uploaded file may be.</summary>
public sealed class UploadOptions
{
    /// <summary>The configuration section these options are read from.</summary>
    public const string SectionName = "Uploads";

    /// <summary>The largest upload, in megabytes (default 256).</summary>
    public int MaxMegabytes { get; set; } = (int)(UploadCheck.DefaultMaxBytes / 1024 / 1024);

    /// <summary>The same limit in bytes.</summary>
    public long MaxBytes => MaxMegabytes * 1024L * 1024L;
}
