using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CxDashboard.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class InitiativesGatesExperiments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "ConservativeDelta",
                table: "ValueDrivers",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "ConservativeMultiplier",
                table: "ValueDrivers",
                type: "double precision",
                nullable: false,
                defaultValue: 0.5);

            migrationBuilder.AddColumn<double>(
                name: "OptimisticDelta",
                table: "ValueDrivers",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "OptimisticMultiplier",
                table: "ValueDrivers",
                type: "double precision",
                nullable: false,
                defaultValue: 1.5);

            migrationBuilder.AddColumn<decimal>(
                name: "ProjectedVolume",
                table: "ValueDrivers",
                type: "numeric(18,4)",
                precision: 18,
                scale: 4,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RampUpMonths",
                table: "ValueDrivers",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "ArchivedUtc",
                table: "Initiatives",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Type",
                table: "Initiatives",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "Other");

            migrationBuilder.CreateTable(
                name: "Experiments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    Name = table.Column<string>(type: "character varying(160)", maxLength: 160, nullable: false),
                    Hypothesis = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    KpiId = table.Column<int>(type: "integer", nullable: false),
                    InitiativeId = table.Column<int>(type: "integer", nullable: true),
                    PartnerId = table.Column<int>(type: "integer", nullable: true),
                    WindowStart = table.Column<int>(type: "integer", nullable: false),
                    WindowEnd = table.Column<int>(type: "integer", nullable: false),
                    TestCustomers = table.Column<long>(type: "bigint", nullable: false),
                    TestSuccesses = table.Column<long>(type: "bigint", nullable: false),
                    ControlCustomers = table.Column<long>(type: "bigint", nullable: false),
                    ControlSuccesses = table.Column<long>(type: "bigint", nullable: false),
                    EligiblePopulation = table.Column<long>(type: "bigint", nullable: false),
                    ValuePerUnit = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    PlannedTestShare = table.Column<double>(type: "double precision", nullable: false),
                    PlannedMde = table.Column<double>(type: "double precision", nullable: true),
                    IncludeInRox = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Experiments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Experiments_Initiatives_InitiativeId",
                        column: x => x.InitiativeId,
                        principalTable: "Initiatives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Experiments_KpiDefinitions_KpiId",
                        column: x => x.KpiId,
                        principalTable: "KpiDefinitions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Experiments_Partners_PartnerId",
                        column: x => x.PartnerId,
                        principalTable: "Partners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "GateDecisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    InitiativeId = table.Column<int>(type: "integer", nullable: false),
                    Gate = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Outcome = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    DecidedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    DecidedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GateDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GateDecisions_Initiatives_InitiativeId",
                        column: x => x.InitiativeId,
                        principalTable: "Initiatives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Experiments_InitiativeId",
                table: "Experiments",
                column: "InitiativeId");

            migrationBuilder.CreateIndex(
                name: "IX_Experiments_KpiId",
                table: "Experiments",
                column: "KpiId");

            migrationBuilder.CreateIndex(
                name: "IX_Experiments_Name",
                table: "Experiments",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Experiments_PartnerId",
                table: "Experiments",
                column: "PartnerId");

            migrationBuilder.CreateIndex(
                name: "IX_GateDecisions_InitiativeId_Gate_DecidedUtc",
                table: "GateDecisions",
                columns: new[] { "InitiativeId", "Gate", "DecidedUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Experiments");

            migrationBuilder.DropTable(
                name: "GateDecisions");

            migrationBuilder.DropColumn(
                name: "ConservativeDelta",
                table: "ValueDrivers");

            migrationBuilder.DropColumn(
                name: "ConservativeMultiplier",
                table: "ValueDrivers");

            migrationBuilder.DropColumn(
                name: "OptimisticDelta",
                table: "ValueDrivers");

            migrationBuilder.DropColumn(
                name: "OptimisticMultiplier",
                table: "ValueDrivers");

            migrationBuilder.DropColumn(
                name: "ProjectedVolume",
                table: "ValueDrivers");

            migrationBuilder.DropColumn(
                name: "RampUpMonths",
                table: "ValueDrivers");

            migrationBuilder.DropColumn(
                name: "ArchivedUtc",
                table: "Initiatives");

            migrationBuilder.DropColumn(
                name: "Type",
                table: "Initiatives");
        }
    }
}
