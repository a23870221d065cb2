using System.Text;
using CxDashboard.Data.Access;
using CxDashboard.Data.Imports;
using CxDashboard.Data.Model;

namespace CxDashboard.Data.Tests.Imports;

/// <summary>One store for every test here: none of them may store anything, and each checks that it did not.</summary>
public sealed class ValidationStore : IAsyncLifetime
{
    internal ImportStore Store { get; private set; } = null!;

    public async Task InitializeAsync() => Store = await ImportStore.SqliteAsync();

    public async Task DisposeAsync() => await Store.DisposeAsync();
}

/// <summary>
/// Every bad input gets a problem saying where (line, column), what was found, what is wrong and how to fix it, and
/// a file with any problem stores nothing: each file here has a good row on line 2 and the bad one on line 3.
/// </summary>
public sealed class ImportValidationTests(ValidationStore fixture) : IClassFixture<ValidationStore>
{
    private const string Header = ImportHappyPathTests.Header;
    private const string Good = "2026-10,FCR,VOICE,ATLAS,CONSUMER,,710,1000,,\n";

    private ImportStore Store => fixture.Store;

    [Fact]
    public async Task Import_rejects_whole_file_when_a_row_is_bad()
    {
        var problem = await OnlyProblemAsync(Header + Good + "2026-10,FCR,VOICE,ATLAS,BUSINESS,,710,,,\n");

        Assert.Equal((3, "denominator"), (problem.Line, problem.Column));
        Assert.Contains("FCR needs the FCR denominator", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_file_is_refused()
    {
        var problem = await OnlyProblemAsync("");

        Assert.Null(problem.Line);
        Assert.Equal("The file is empty.", problem.Reason);
        Assert.Contains("header row", problem.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_with_a_header_and_no_rows_is_refused()
    {
        var problem = await OnlyProblemAsync(Header);

        Assert.Contains("no data rows", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_is_not_UTF8_names_the_byte_and_its_line()
    {
        var latin1 = Encoding.Latin1.GetBytes(Header + Good + "2026-10,COMPLAINTS,VOICE,ATLAS,CONSUMER,3,,,,Ré-ouvert\n");

        var problem = await OnlyProblemAsync(latin1, "kpis.csv");

        Assert.Equal(3, problem.Line);
        Assert.Contains("byte 0xE9 on line 3", problem.Reason, StringComparison.Ordinal);
        Assert.Contains("CSV UTF-8", problem.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_UTF8_byte_order_mark_is_accepted()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Header + Good)).ToArray();

        var batch = await Store.Importer.ReadFileAsync(new MemoryStream(bytes), "kpis.csv");

        Assert.Empty(batch.Problems);
        Assert.Equal(1, batch.RowCount);
    }

    [Theory]
    [InlineData(';', "semicolons")]
    [InlineData('\t', "tabs")]
    public async Task A_file_separated_by_something_other_than_commas_says_so(char separator, string said)
    {
        var problem = await OnlyProblemAsync((Header + Good).Replace(',', separator));

        Assert.Equal(1, problem.Line);
        Assert.Contains($"separates its columns with {said}, not commas", problem.Reason, StringComparison.Ordinal);
        Assert.Contains("commas", problem.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_renamed_header_column_names_the_expected_one()
    {
        var problems = await ProblemsAsync(Header.Replace("value", "amount", StringComparison.Ordinal) + Good);

        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p is { Line: 1, Column: "amount" } && p.Reason.Contains("\"amount\"", StringComparison.Ordinal));
        Assert.Contains(problems, p => p is { Line: 1, Column: "value" } && p.Reason == "The header has no column \"value\".");
    }

    [Fact]
    public async Task An_extra_column_is_named_with_the_fix_to_remove_it()
    {
        var problem = await OnlyProblemAsync(Header.TrimEnd('\n') + ",region\n" + Good.TrimEnd('\n') + ",north\n");

        Assert.Equal((1, "region"), (problem.Line, problem.Column));
        Assert.StartsWith("Remove the column", problem.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_column_named_twice_in_the_header_is_refused()
    {
        var problems = await ProblemsAsync(Header.Replace("note", "Month", StringComparison.Ordinal) + Good);

        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p is { Line: 1, Column: "month", Reason: "The header has the column \"month\" twice." });
        Assert.Contains(problems, p => p is { Line: 1, Column: "note", Reason: "The header has no column \"note\"." });
    }

    [Fact]
    public async Task Columns_in_another_order_and_case_are_matched_by_name()
    {
        var batch = await Store.ReadAsync(" Note ,VALUE,kpi,month,segment,partner,channel,weight,denominator,numerator\n,,FCR,2026-10,CONSUMER,ATLAS,VOICE,,1000,710\n");

        Assert.Empty(batch.Problems);
        var row = Assert.Single(batch.FirstRows);
        Assert.Equal(("FCR", "VOICE", "ATLAS", "CONSUMER", 0.71), (row.Kpi, row.Channel, row.Partner, row.Segment, row.Value));
    }

    [Fact]
    public async Task A_file_named_xlsx_that_is_not_a_workbook_is_refused()
    {
        var problem = await OnlyProblemAsync(Encoding.UTF8.GetBytes(Header + Good), "kpis.xlsx");

        Assert.Null(problem.Line);
        Assert.Contains("not one (it is not a ZIP package)", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_zip_archive_that_is_not_a_workbook_is_refused()
    {
        var zip = new MemoryStream();
        using (var archive = new System.IO.Compression.ZipArchive(zip, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            await using var entry = archive.CreateEntry("kpis.csv").Open();
            await entry.WriteAsync(Encoding.UTF8.GetBytes(Header + Good));
        }

        var problem = await OnlyProblemAsync(zip.ToArray(), "kpis.zip");

        Assert.Contains("is a ZIP archive but not an Excel workbook", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_damaged_workbook_is_refused()
    {
        var damaged = "PK\u0003\u0004"u8.ToArray().Concat(new byte[200]).ToArray();

        var problem = await OnlyProblemAsync(damaged, "kpis.xlsx");

        Assert.Contains("damaged or incomplete", problem.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-13", "has month 13; months run from 01 to 12")]
    [InlineData("26-01", "has a two-digit year")]
    [InlineData("2026/01", "separates year and month with \"/\" instead of a dash")]
    [InlineData("2026-1", "is not a month in the form YYYY-MM")]
    [InlineData("March 2026", "is not a month in the form YYYY-MM")]
    public async Task A_month_not_written_YYYY_MM_is_refused(string month, string said)
    {
        var problem = await OnlyProblemAsync(Header + Good + $"{month},FCR,VOICE,ATLAS,BUSINESS,,710,1000,,\n");

        Assert.Equal((3, "month", month), (problem.Line, problem.Column, problem.Value));
        Assert.Contains(said, problem.Reason, StringComparison.Ordinal);
        Assert.Contains("YYYY-MM", problem.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_month_in_the_future_is_refused()
    {
        var problem = await OnlyProblemAsync(Header + Good + "2026-12,FCR,VOICE,ATLAS,BUSINESS,,710,1000,,\n");

        Assert.Equal((3, "month"), (problem.Line, problem.Column));
        Assert.Equal("2026-12 is in the future (the current month is 2026-11).", problem.Reason);
    }

    [Fact]
    public async Task A_month_before_2000_is_refused()
    {
        var problem = await OnlyProblemAsync(Header + Good + "1999-12,FCR,VOICE,ATLAS,BUSINESS,,710,1000,,\n");

        Assert.Equal((3, "month"), (problem.Line, problem.Column));
        Assert.Contains("before 2000-01", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_KPI_code_lists_the_codes_that_exist()
    {
        var problem = await OnlyProblemAsync(Header + Good + "2026-10,FCRR,VOICE,ATLAS,BUSINESS,,710,1000,,\n");

        Assert.Equal((3, "kpi", "FCRR"), (problem.Line, problem.Column, problem.Value));
        Assert.Equal("\"FCRR\" is not a KPI code of this organisation.", problem.Reason);
        Assert.Contains("CPC, FCR, AHT", problem.Fix, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("PHONE,ATLAS,BUSINESS", "channel", "PHONE", "VOICE, CHAT, EMAIL, SELF")]
    [InlineData("VOICE,ACME,BUSINESS", "partner", "ACME", "INHOUSE, ATLAS, MERIDIAN")]
    [InlineData("VOICE,ATLAS,SME", "segment", "SME", "CONSUMER, BUSINESS")]
    public async Task An_unknown_dimension_code_lists_the_codes_that_exist(string dimensions, string column, string code, string listed)
    {
        var problem = await OnlyProblemAsync(Header + Good + $"2026-10,FCR,{dimensions},,710,1000,,\n");

        Assert.Equal((3, column, code), (problem.Line, problem.Column, problem.Value));
        Assert.Equal($"\"{code}\" is not a {column} code of this organisation.", problem.Reason);
        Assert.Contains(listed, problem.Fix, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-10,CHURN,VOICE,,CONSUMER,,150,10000,,", "channel", "CHURN is measured per customer segment")]
    [InlineData("2026-10,CHURN,,ATLAS,CONSUMER,,150,10000,,", "partner", "CHURN is measured per customer segment")]
    [InlineData("2026-10,OCCUPANCY,VOICE,ATLAS,CONSUMER,0.8,,,120,", "segment", "OCCUPANCY is measured per channel and partner")]
    public async Task A_dimension_the_KPI_is_not_measured_along_must_be_blank(string row, string column, string said)
    {
        var problem = await OnlyProblemAsync(Header + Good + row + "\n");

        Assert.Equal((3, column), (problem.Line, problem.Column));
        Assert.StartsWith(said, problem.Reason, StringComparison.Ordinal);
        Assert.StartsWith($"Leave the {column} blank", problem.Fix, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abc", "\"abc\" is not a number.")]
    [InlineData("\"1,5\"", "\"1,5\" uses a comma as the decimal mark.")]
    [InlineData("\"1,234.5\"", "\"1,234.5\" has a thousands separator.")]
    [InlineData("42%", "\"42%\" has a percent sign.")]
    [InlineData("NaN", "\"NaN\" is not a finite number.")]
    [InlineData("Infinity", "\"Infinity\" is not a finite number.")]
    [InlineData("1e999", "\"1e999\" is not a finite number.")]
    public async Task A_value_that_is_not_a_finite_number_is_refused(string value, string said)
    {
        var problem = await OnlyProblemAsync(Header + Good + $"2026-10,AHT,VOICE,ATLAS,CONSUMER,{value},,,1000,\n");

        Assert.Equal((3, "value"), (problem.Line, problem.Column));
        Assert.Equal(said, problem.Reason);
    }

    [Fact]
    public async Task A_comma_decimal_says_how_to_write_it()
    {
        var problem = await OnlyProblemAsync(Header + Good + "2026-10,AHT,VOICE,ATLAS,CONSUMER,\"420,5\",,,1000,\n");

        Assert.StartsWith("Write 420.5: numbers use a dot for decimals", problem.Fix, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-10,OCCUPANCY,VOICE,ATLAS,,1.3,,,120,", "1.3 is over 1, but OCCUPANCY is a rate, kept as a fraction from 0 to 1.", "write 0.13 for 13%")]
    [InlineData("2026-10,OCCUPANCY,VOICE,ATLAS,,-0.1,,,120,", "-0.1 is negative, but OCCUPANCY is a rate, from 0 to 1.", "0.13 for 13%")]
    [InlineData("2026-10,COMPLAINTS,VOICE,ATLAS,CONSUMER,-3,,,,", "-3 is not a whole number of 0 or more, but COMPLAINTS is a count.", "whole number")]
    [InlineData("2026-10,COMPLAINTS,VOICE,ATLAS,CONSUMER,2.5,,,,", "2.5 is not a whole number of 0 or more, but COMPLAINTS is a count.", "whole number")]
    [InlineData("2026-10,CLV,,,CONSUMER,-5,,,100,", "-5 is negative, but CLV is an amount of money.", "0 or more")]
    [InlineData("2026-10,AHT,VOICE,ATLAS,CONSUMER,-1,,,100,", "-1 is negative, but AHT is a duration in seconds.", "0 or more")]
    [InlineData("2026-10,RAMP_TIME,VOICE,ATLAS,,-2,,,4,", "-2 is negative, but RAMP_TIME is a duration in weeks.", "0 or more")]
    public async Task A_value_out_of_range_for_its_unit_is_refused(string row, string reason, string fix)
    {
        var problem = await OnlyProblemAsync(Header + Good + row + "\n");

        Assert.Equal((3, "value"), (problem.Line, problem.Column));
        Assert.Equal(reason, problem.Reason);
        Assert.Contains(fix, problem.Fix, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-10,FCR,VOICE,ATLAS,BUSINESS,0.7,,1000,,", "numerator", "FCR needs the FCR numerator, and the cell is blank.")]
    [InlineData("2026-10,NPS,VOICE,ATLAS,BUSINESS,20,180,,,", "denominator", "NPS needs the NPS denominator, and the cell is blank.")]
    [InlineData("2026-10,FCR,VOICE,ATLAS,BUSINESS,,0,0,,", "denominator", "The denominator is 0; it must be greater than 0.")]
    [InlineData("2026-10,FCR,VOICE,ATLAS,BUSINESS,,1100,1000,,", "numerator", "The numerator 1100 is greater than the denominator 1000, but FCR is a rate (at most 1).")]
    [InlineData("2026-10,NPS,VOICE,ATLAS,BUSINESS,,-950,900,,", "numerator", "The numerator (promoters − detractors) -950 is larger than the 900 responses.")]
    [InlineData("2026-10,CPC,VOICE,ATLAS,BUSINESS,,-10,1000,,", "numerator", "The numerator is negative (-10).")]
    [InlineData("2026-10,FCR,VOICE,ATLAS,BUSINESS,0.8,710,1000,,", "value", "The value 0.8 is not numerator ÷ denominator = 0.71 (710 ÷ 1000).")]
    [InlineData("2026-10,NPS,VOICE,ATLAS,BUSINESS,0.2,180,900,,", "value", "The value 0.2 is not numerator ÷ denominator × 100 = 20 (180 ÷ 900).")]
    [InlineData("2026-10,FCR,VOICE,ATLAS,BUSINESS,,710,1000,5,", "weight", "FCR has no weight: its figure comes from numerator and denominator.")]
    public async Task A_ratio_needs_a_consistent_numerator_and_denominator(string row, string column, string reason)
    {
        var problem = await OnlyProblemAsync(Header + Good + row + "\n");

        Assert.Equal((3, column), (problem.Line, problem.Column));
        Assert.Equal(reason, problem.Reason);
    }

    [Fact]
    public async Task A_ratio_value_within_a_millionth_of_numerator_over_denominator_is_accepted()
    {
        var batch = await Store.ReadAsync(Header + "2026-10,FCR,VOICE,ATLAS,BUSINESS,0.3333333,1,3,,\n2026-10,NPS,VOICE,ATLAS,CONSUMER,20,180,900,,\n");

        Assert.Empty(batch.Problems);
        Assert.Equal(1 / 3d, batch.FirstRows[0].Value);
    }

    [Theory]
    [InlineData("2026-10,AHT,VOICE,ATLAS,BUSINESS,420,,,,", "weight", "AHT needs the weight (how many contacts, responses, customers or agents the value averages over), and the cell is blank.")]
    [InlineData("2026-10,AHT,VOICE,ATLAS,BUSINESS,420,,,0,", "weight", "The weight is 0; it must be greater than 0.")]
    [InlineData("2026-10,AHT,VOICE,ATLAS,BUSINESS,,,,1000,", "value", "AHT needs the AHT value, and the cell is blank.")]
    [InlineData("2026-10,AHT,VOICE,ATLAS,BUSINESS,420,420000,,1000,", "numerator", "AHT has no numerator: it is kept as a value and a weight.")]
    [InlineData("2026-10,COMPLAINTS,VOICE,ATLAS,BUSINESS,12,,,3,", "weight", "COMPLAINTS has no weight: it is a count kept as a value alone.")]
    [InlineData("2026-10,COMPLAINTS,VOICE,ATLAS,BUSINESS,,,,,", "value", "COMPLAINTS needs the COMPLAINTS value, and the cell is blank.")]
    public async Task Weighted_means_need_value_and_weight_and_sums_a_value_alone(string row, string column, string reason)
    {
        var problem = await OnlyProblemAsync(Header + Good + row + "\n");

        Assert.Equal((3, column), (problem.Line, problem.Column));
        Assert.Equal(reason, problem.Reason);
    }

    [Fact]
    public async Task A_note_over_500_characters_is_refused()
    {
        var problem = await OnlyProblemAsync(Header + Good + $"2026-10,COMPLAINTS,VOICE,ATLAS,BUSINESS,12,,,,{new string('x', 501)}\n");

        Assert.Equal((3, "note"), (problem.Line, problem.Column));
        Assert.Equal("The note is 501 characters long; at most 500 are kept.", problem.Reason);
        Assert.Equal(60, problem.Value!.Length);
    }

    [Fact]
    public async Task A_second_row_with_the_same_natural_key_names_both_lines()
    {
        var problem = await OnlyProblemAsync(Header + Good + "2026-10,fcr,VOICE,ATLAS,CONSUMER,,700,1000,,\n");

        Assert.Equal(3, problem.Line);
        Assert.Equal("Line 3 has the same month, KPI, channel, partner and segment as line 2.", problem.Reason);
        Assert.Equal("2026-10 FCR VOICE ATLAS CONSUMER", problem.Value);
        Assert.Contains("lines 2 and 3", problem.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_line_with_too_many_values_says_to_quote_commas()
    {
        var problem = await OnlyProblemAsync(Header + Good + "2026-10,COMPLAINTS,VOICE,ATLAS,BUSINESS,12,,,,late, very late\n");

        Assert.Equal(3, problem.Line);
        Assert.Equal("Line 3 has 11 values but the header has 10 columns.", problem.Reason);
        Assert.Contains("double quotes", problem.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_misplaced_quote_names_its_line()
    {
        var problem = await OnlyProblemAsync(Header + Good + "2026-10,COMPLAINTS,VOICE,ATLAS,BUSINESS,12,,,,\"late\" again\n");

        Assert.Equal(3, problem.Line);
        Assert.Contains("double quote in the wrong place", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Line_numbers_stay_physical_after_a_note_spanning_lines()
    {
        var problem = await OnlyProblemAsync(Header + Good
            + "2026-10,COMPLAINTS,VOICE,ATLAS,BUSINESS,12,,,,\"first line\nsecond line\r\nthird line\"\n"
            + "2026-10,FCR,VOICE,ATLAS,BUSINESS,,710,,,\n");

        Assert.Equal((6, "denominator"), (problem.Line, problem.Column));
    }

    [Fact]
    public async Task Every_problem_is_reported_up_to_the_limit_and_all_are_counted()
    {
        var file = new StringBuilder(Header + Good);
        for (var i = 0; i < 1_200; i++) file.Append("2026-10,FCR,VOICE,ATLAS,BUSINESS,,710,,,\n");

        var batch = await Store.ReadAsync(file.ToString());

        Assert.Equal(1_000, batch.Problems.Count);
        Assert.Equal(1_200, batch.ProblemCount);
        Assert.Equal(Enumerable.Range(3, 1_000), batch.Problems.Select(p => p.Line!.Value));
        await AssertNothingStoredAsync(batch);
    }

    [Fact]
    public async Task A_partner_user_may_load_only_their_own_partners_rows()
    {
        var atlas = await Store.PartnerIdAsync("ATLAS");
        using var asPartner = StoreActor.Use(new StoreActor("atlas.user", atlas));

        var batch = await Store.ReadAsync(Header + Good
            + "2026-10,FCR,VOICE,MERIDIAN,BUSINESS,,710,1000,,\n"
            + "2026-10,FCR,VOICE,,BUSINESS,,710,1000,,\n"
            + "2026-10,CHURN,,,CONSUMER,,150,10000,,\n");

        Assert.Equal(3, batch.ProblemCount);
        Assert.Equal((3, "partner", "The row is for partner MERIDIAN; you may load rows for partner ATLAS only."), (batch.Problems[0].Line, batch.Problems[0].Column, batch.Problems[0].Reason));
        Assert.Equal((4, "partner"), (batch.Problems[1].Line, batch.Problems[1].Column));
        Assert.Contains("no partner", batch.Problems[1].Reason, StringComparison.Ordinal);
        Assert.Equal((5, "kpi"), (batch.Problems[2].Line, batch.Problems[2].Column));
        Assert.Contains("organisation figure", batch.Problems[2].Reason, StringComparison.Ordinal);
        await AssertNothingStoredAsync(batch);
    }

    [Fact]
    public async Task A_batch_read_for_one_user_cannot_be_committed_by_a_partner_user()
    {
        var batch = await Store.ReadAsync(Header + Good);
        var atlas = await Store.PartnerIdAsync("ATLAS");
        using var asPartner = StoreActor.Use(new StoreActor("atlas.user", atlas));

        var refused = await Assert.ThrowsAsync<ImportRefusedException>(() => Store.Importer.CommitAsync(batch, new ImportOrigin(ImportSource.Page)));

        Assert.Contains("load the file again", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, await Store.MeasurementCountAsync());
    }

    [Fact]
    public async Task Problems_with_JSON_items_name_the_items_position_and_field()
    {
        var inputs = new[]
        {
            new MeasurementInput("2026-10", "FCR", "VOICE", "ATLAS", "CONSUMER", null, 710, 1000, null, null),
            new MeasurementInput("2026-10", "AHT", "VOICE", "ATLAS", "CONSUMER", 420, null, null, null, null),
            null!,
        };

        var batch = await Store.Importer.ReadInputsAsync(inputs, "nightly feed");

        Assert.Equal(ImportFormat.Json, batch.Format);
        Assert.Equal(2, batch.ProblemCount);
        Assert.Equal((2, "weight"), (batch.Problems[0].Line, batch.Problems[0].Column));
        Assert.Equal(3, batch.Problems[1].Line);
        await AssertNothingStoredAsync(batch);
    }

    private Task<ImportProblem> OnlyProblemAsync(string csv) => OnlyProblemAsync(Encoding.UTF8.GetBytes(csv), "kpis.csv");

    private async Task<ImportProblem> OnlyProblemAsync(byte[] content, string name)
    {
        var batch = await Store.Importer.ReadFileAsync(new MemoryStream(content), name);
        await AssertNothingStoredAsync(batch);
        return Assert.Single(batch.Problems);
    }

    private async Task<IReadOnlyList<ImportProblem>> ProblemsAsync(string csv)
    {
        var batch = await Store.ReadAsync(csv);
        await AssertNothingStoredAsync(batch);
        return batch.Problems;
    }

    private async Task AssertNothingStoredAsync(MeasurementBatch batch)
    {
        Assert.False(batch.CanCommit);
        await Assert.ThrowsAsync<ImportRefusedException>(() => Store.Importer.CommitAsync(batch, new ImportOrigin(ImportSource.Page)));
        Assert.Equal(0, await Store.MeasurementCountAsync());
        Assert.Equal(0, await Store.ImportCountAsync());
    }
}
