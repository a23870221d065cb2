using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CxDashboard.Data.Migrations.Sqlite
{
    /// <summary>
    /// Measurements is the table that grows to millions of rows and every index is one more b-tree written per row
    /// imported. On SQLite four of them earn nothing: IX_Measurements_NaturalKey repeats the key that the stricter
    /// UX_Measurements_NaturalKey_Nulls already enforces (and the upsert targets), and the three foreign-key indexes on
    /// the dimensions serve only the deletion of a channel, partner or segment, which is refused while measurements
    /// use it. Dropping them halves the cost of an import. IX_Measurements_Kpi_Month becomes a covering index, so that
    /// the KPI tracker's and the KPI page's sums over months read the index alone. The model keeps describing the
    /// indexes PostgreSQL has; only this provider's database differs.
    /// </summary>
    public partial class LeanerMeasurementIndexes : Migration
    {
        private const string Covering =
            "\"KpiId\", \"Month\", \"ChannelId\", \"PartnerId\", \"SegmentId\", \"Value\", \"Numerator\", \"Denominator\", \"Weight\"";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_Measurements_NaturalKey\";");
            migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_Measurements_ChannelId\";");
            migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_Measurements_PartnerId\";");
            migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_Measurements_SegmentId\";");
            migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_Measurements_Kpi_Month\";");
            migrationBuilder.Sql($"CREATE INDEX \"IX_Measurements_Kpi_Month\" ON \"Measurements\" ({Covering});");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_Measurements_Kpi_Month\";");
            migrationBuilder.Sql("CREATE INDEX \"IX_Measurements_Kpi_Month\" ON \"Measurements\" (\"KpiId\", \"Month\");");
            migrationBuilder.Sql("CREATE INDEX \"IX_Measurements_SegmentId\" ON \"Measurements\" (\"SegmentId\");");
            migrationBuilder.Sql("CREATE INDEX \"IX_Measurements_PartnerId\" ON \"Measurements\" (\"PartnerId\");");
            migrationBuilder.Sql("CREATE INDEX \"IX_Measurements_ChannelId\" ON \"Measurements\" (\"ChannelId\");");
            migrationBuilder.Sql(
                "CREATE UNIQUE INDEX \"IX_Measurements_NaturalKey\" ON \"Measurements\" (\"Month\", \"KpiId\", \"ChannelId\", \"PartnerId\", \"SegmentId\");");
        }
    }
}
