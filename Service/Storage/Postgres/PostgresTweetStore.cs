using Npgsql;

namespace TweetsSoap.Service.Storage.Postgres;

/// <summary>
/// <see cref="ITweetStore"/> on PostgreSQL, for several service instances sharing one database. Every method is a
/// single statement on a pooled connection, so it is atomic without an explicit transaction; uniqueness is left
/// to the constraints, never checked before writing, so concurrent instances cannot both win. One partial file
/// per kind of record.
/// </summary>
public sealed partial class PostgresTweetStore(PostgresDatabase database) : ITweetStore, ITweetKeyLists
{
    private static void Bind(NpgsqlParameterCollection parameters, string name, object? value) =>
        parameters.AddWithValue(name, value ?? DBNull.Value);
}
