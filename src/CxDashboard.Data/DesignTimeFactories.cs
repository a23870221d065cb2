using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CxDashboard.Data;

/// <summary>Lets <c>dotnet ef</c> build the SQLite model without starting the app.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteCxDbContext>
{
    public SqliteCxDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteCxDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

/// <summary>Lets <c>dotnet ef</c> build the PostgreSQL model without a server.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresCxDbContext>
{
    public PostgresCxDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresCxDbContext>().UseNpgsql("Host=localhost;Database=cxdashboard_design").Options);
}
