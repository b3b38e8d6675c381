using System.Globalization;
using TweetsSoap.Service.Storage.Postgres;
using TweetsSoap.Service.Storage.Sqlite;

namespace TweetsSoap.Benchmarks.Pages;

/// <summary>The few questions <see cref="PageCases"/> asks to pick its users and authors that no store method
/// answers, as plain SQL that SQLite and PostgreSQL both run: the first column of each row, as text.</summary>
internal sealed class SampleQueries(Func<string, Task<List<string>>> firstColumn)
{
    public static SampleQueries On(SqliteConnectionFactory connections) => new(async sql =>
    {
        await using var connection = await connections.OpenAsync(default);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var values = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            values.Add(Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture)!);
        }

        return values;
    });

    public static SampleQueries On(PostgresDatabase database) => new(sql =>
        database.QueryAsync(sql, _ => { }, reader => Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture)!, default));

    public async Task<long> CountAsync(string table) => long.Parse((await firstColumn($"SELECT count(*) FROM {table}"))[0], CultureInfo.InvariantCulture);

    public async Task<List<Guid>> IdsAsync(string sql) => [.. (await firstColumn(sql)).Select(Guid.Parse)];
}
