using System.Globalization;
using System.Text;
using CxDashboard.Core.Time;
using Microsoft.Data.Sqlite;

namespace CxDashboard.Benchmarks.Pages;

/// <summary>
/// The floors of the page benchmarks: the SQL a page cannot do without, written by hand and sent over raw ADO.NET
/// as one command, its rows read into an array. A page's time beside its floor says how much of it is the database
/// adding up rows (the floor) and how much is everything else (round trips, EF, Core, writing the figures).
/// <para>
/// What the floors ask for is read from the store once, in setup: the KPIs' ids and the value drivers' KPIs, scopes
/// and start months (small tables, not the work). The sums themselves are computed by SQLite on every call; nothing
/// is kept between calls but the connection pool, which the pages use too.
/// </para>
/// </summary>
internal sealed class SqlFloor
{
    private const string Sums = """
        SUM("Value"), SUM(COALESCE("Numerator", 0)), SUM(COALESCE("Denominator", 0)), SUM("Value" * COALESCE("Weight", 0)), SUM(COALESCE("Weight", 0)), COUNT(*)
        """;

    private readonly string _connectionString;
    private readonly IReadOnlyDictionary<string, int> _kpiIds;
    private readonly IReadOnlyList<DriverScope> _drivers;

    private SqlFloor(string connectionString, IReadOnlyDictionary<string, int> kpiIds, IReadOnlyList<DriverScope> drivers)
    {
        _connectionString = connectionString;
        _kpiIds = kpiIds;
        _drivers = drivers;
    }

    /// <summary>A value driver on the board: its KPI and baseline scope, from its initiative's start.</summary>
    private sealed record DriverScope(int KpiId, int? ChannelId, int? PartnerId, int? SegmentId, int StartMonth);

    /// <summary>Reads the KPIs and the board's value drivers (those of initiatives neither proposed nor archived).</summary>
    public static SqlFloor Of(string connectionString)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        var kpis = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT \"Id\", \"Code\" FROM \"KpiDefinitions\"";
            using var reader = command.ExecuteReader();
            while (reader.Read()) kpis[reader.GetString(1)] = reader.GetInt32(0);
        }

        var drivers = new List<DriverScope>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                SELECT b."KpiId", b."ChannelId", b."PartnerId", b."SegmentId", i."StartMonth"
                FROM "ValueDrivers" AS d
                JOIN "Baselines" AS b ON b."Id" = d."BaselineId"
                JOIN "Initiatives" AS i ON i."Id" = d."InitiativeId"
                WHERE i."Status" <> 'Proposed' AND i."ArchivedUtc" IS NULL
                ORDER BY i."StartMonth", i."Name", d."Id"
                """;
            using var reader = command.ExecuteReader();
            int? Optional(int i) => reader.IsDBNull(i) ? null : reader.GetInt32(i);
            while (reader.Read())
                drivers.Add(new DriverScope(reader.GetInt32(0), Optional(1), Optional(2), Optional(3), reader.GetInt32(4)));
        }

        return new SqlFloor(connectionString, kpis, drivers);
    }

    /// <summary>The id of the KPI with this code.</summary>
    public int KpiId(string code) => _kpiIds[code];

    /// <summary>
    /// The board's sums for <paramref name="month"/>: the tile KPIs' month and month before over the whole organisation,
    /// and every driver's KPI month by month from its initiative's start over its baseline's scope.
    /// </summary>
    public string BoardSql(YearMonth month, IReadOnlyCollection<string> tileKpis)
    {
        var sql = new StringBuilder();
        sql.Append(CultureInfo.InvariantCulture, $"""
            SELECT -1, "KpiId", "Month", {Sums} FROM "Measurements"
            WHERE "KpiId" IN ({Ids(tileKpis)}) AND "Month" BETWEEN {month.AddMonths(-1).Key} AND {month.Key}
            GROUP BY "KpiId", "Month"
            """);
        AppendDrivers(sql, month);
        return sql.ToString();
    }

    /// <summary>
    /// The KPI tracker's sums for <paramref name="month"/>: every KPI's last 12 months over the whole organisation (which
    /// hold the board's tile months too), and every driver's months, as the board prices them.
    /// </summary>
    public string TrackerSql(YearMonth month, int sparklineMonths)
    {
        var sql = new StringBuilder();
        sql.Append(CultureInfo.InvariantCulture, $"""
            SELECT -1, "KpiId", "Month", {Sums} FROM "Measurements"
            WHERE "KpiId" IN ({Ids(_kpiIds.Keys)}) AND "Month" BETWEEN {month.AddMonths(1 - sparklineMonths).Key} AND {month.Key}
            GROUP BY "KpiId", "Month"
            """);
        AppendDrivers(sql, month);
        return sql.ToString();
    }

    /// <summary>
    /// The KPI page's reads for one KPI and month, as four statements in one command: its months for the chart and
    /// the year before them with the drivers' months; its month by channel, partner and segment; the month's
    /// measurements with their dimensions' and import's names, in display order; and the months with data, which an
    /// editor's baseline form offers (hopping from month to month through the index that starts with the month).
    /// </summary>
    public string DetailSql(string code, YearMonth month, int chartMonths)
    {
        var kpi = _kpiIds[code];
        var sql = new StringBuilder();
        sql.Append(CultureInfo.InvariantCulture, $"""
            SELECT -1, "KpiId", "Month", {Sums} FROM "Measurements"
            WHERE "KpiId" = {kpi} AND "Month" BETWEEN {month.AddMonths(1 - chartMonths - 12).Key} AND {month.Key}
            GROUP BY "KpiId", "Month"
            """);
        AppendDrivers(sql, month);
        sql.Append(CultureInfo.InvariantCulture, $"""
            ;
            SELECT "ChannelId", "PartnerId", "SegmentId", {Sums} FROM "Measurements"
            WHERE "KpiId" = {kpi} AND "Month" = {month.Key}
            GROUP BY "ChannelId", "PartnerId", "SegmentId";
            SELECT m."Id", m."Version", c."Name", p."Name", s."Name", m."Value", m."Numerator", m."Denominator", m."Weight", m."Note", m."ImportId", i."FileName"
            FROM "Measurements" AS m
            LEFT JOIN "Channels" AS c ON c."Id" = m."ChannelId"
            LEFT JOIN "Partners" AS p ON p."Id" = m."PartnerId"
            LEFT JOIN "Segments" AS s ON s."Id" = m."SegmentId"
            LEFT JOIN "Imports" AS i ON i."Id" = m."ImportId"
            WHERE m."KpiId" = {kpi} AND m."Month" = {month.Key}
            ORDER BY c."SortOrder", p."SortOrder", s."SortOrder", m."Id";
            WITH RECURSIVE "DataMonths"("Month") AS (
                SELECT MIN("Month") FROM "Measurements"
                UNION ALL
                SELECT (SELECT MIN(m."Month") FROM "Measurements" AS m WHERE m."Month" > d."Month")
                FROM "DataMonths" AS d WHERE d."Month" IS NOT NULL)
            SELECT "Month" FROM "DataMonths" WHERE "Month" IS NOT NULL ORDER BY "Month"
            """);
        return sql.ToString();
    }

    /// <summary>Runs <paramref name="sql"/> as one command and reads every row of every statement; returns how many values it read.</summary>
    public int Run(string sql)
    {
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new object[32];
        var read = 0;
        do
        {
            while (reader.Read())
                read += reader.GetValues(values);
        }
        while (reader.NextResult());

        return read;
    }

    private void AppendDrivers(StringBuilder sql, YearMonth month)
    {
        for (var i = 0; i < _drivers.Count; i++)
        {
            var d = _drivers[i];
            if (d.StartMonth > month.Key) continue;
            sql.Append(CultureInfo.InvariantCulture, $"""

                UNION ALL
                SELECT {i}, "KpiId", "Month", {Sums} FROM "Measurements"
                WHERE "KpiId" = {d.KpiId} AND "Month" IN ({Months(YearMonth.FromKey(d.StartMonth), month)}){Scope(d)}
                GROUP BY "KpiId", "Month"
                """);
        }
    }

    /// <summary>
    /// The months one by one ("202506, 202507, ..."): SQLite then seeks each month's rows of a driver's channel in the
    /// (KPI, month, channel, ...) index instead of walking every channel's, the fastest way to these sums on this schema.
    /// </summary>
    private static string Months(YearMonth first, YearMonth last) =>
        string.Join(", ", YearMonth.Range(first, last).Select(m => m.Key.ToString(CultureInfo.InvariantCulture)));

    private static string Scope(DriverScope d) =>
        (d.ChannelId is { } c ? string.Create(CultureInfo.InvariantCulture, $" AND \"ChannelId\" = {c}") : "")
        + (d.PartnerId is { } p ? string.Create(CultureInfo.InvariantCulture, $" AND \"PartnerId\" = {p}") : "")
        + (d.SegmentId is { } s ? string.Create(CultureInfo.InvariantCulture, $" AND \"SegmentId\" = {s}") : "");

    private string Ids(IEnumerable<string> codes) =>
        string.Join(", ", codes.Where(_kpiIds.ContainsKey).Select(c => _kpiIds[c].ToString(CultureInfo.InvariantCulture)));
}
