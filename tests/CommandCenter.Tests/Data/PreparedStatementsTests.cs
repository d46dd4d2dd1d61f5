using CommandCenter.TestSupport.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CommandCenter.Tests.Data;

/// <summary>The app's connections keep the statements they run again and again prepared, so PostgreSQL plans each once.</summary>
public class PreparedStatementsTests(SmallCountyApp app) : IClassFixture<SmallCountyApp>
{
    [Fact]
    public async Task AStatementRunOftenOnAConnectionIsPreparedThereAndStillAnswersRight()
    {
        const string often = "SELECT count(*) FROM latest_positions WHERE subject_id > $1";
        await using var connection = await app.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
        for (var i = 0; i < 10; i++)
        {
            await using var command = new NpgsqlCommand(often, connection) { Parameters = { new() { Value = -1 - i } } };
            Assert.Equal(await CountAsync(connection), (long)(await command.ExecuteScalarAsync())!);
        }

        await using var prepared = new NpgsqlCommand("SELECT count(*) FROM pg_prepared_statements WHERE statement = $1", connection)
        {
            Parameters = { new() { Value = often } },
        };
        Assert.Equal(1L, (long)(await prepared.ExecuteScalarAsync())!);
    }

    private static async Task<long> CountAsync(NpgsqlConnection connection)
    {
        await using var count = new NpgsqlCommand("SELECT count(*) FROM latest_positions", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
