using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CommandCenter.Data;

/// <summary>Lets the EF Core tools build the model for migrations without starting the app or reaching a database.</summary>
public class DesignTimeDbFactory : IDesignTimeDbContextFactory<CommandCenterDb>
{
    public CommandCenterDb CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<CommandCenterDb>()
            .UseNpgsql("Host=design-time-only", npgsql => npgsql.UseNetTopologySuite())
            .UseSnakeCaseNamingConvention()
            .Options;
        return new CommandCenterDb(options);
    }
}
