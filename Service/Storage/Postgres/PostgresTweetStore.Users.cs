using Npgsql;
using TweetsSoap.Service.Domain;

namespace TweetsSoap.Service.Storage.Postgres;

public sealed partial class PostgresTweetStore
{
    private const string UserColumns =
        "id, username, email, password_hash, first_name, last_name, birth_date, created_at, signup_request_id";

    /// <summary>The columns <see cref="ReadUser(NpgsqlDataReader, int)"/> reads, of <c>users u</c>.</summary>
    internal const string UserReadColumns = """
        u.id, u.username, u.email, u.password_hash, u.first_name, u.last_name, u.birth_date, u.created_at, u.signup_request_id,
            u.followers_count, u.following_count
        """;

    private const string UserSelect = $"SELECT {UserReadColumns} FROM users u";

    public async Task CreateUserAsync(UserRecord user, CancellationToken cancellationToken) =>
        await database.ExecuteAsync(
            $"""
            INSERT INTO users ({UserColumns}, username_key, email_key)
            VALUES (@id, @username, @email, @password_hash, @first_name, @last_name, @birth_date, @created_at, @signup_request_id, @username_key, @email_key)
            """,
            p =>
            {
                BindUser(p, user);
                Bind(p, "created_at", user.CreatedAt);
                Bind(p, "signup_request_id", user.SignUpRequestId);
            },
            cancellationToken);

    public async Task<UserRecord?> GetUserAsync(Guid id, CancellationToken cancellationToken) =>
        (await database.QueryAsync($"{UserSelect} WHERE u.id = @id", p => Bind(p, "id", id), ReadUser, cancellationToken))
        .SingleOrDefault();

    public async Task<UserRecord?> FindUserByUsernameAsync(string username, CancellationToken cancellationToken) =>
        Username.TryCanonical(username, out var key)
            ? (await database.QueryAsync($"{UserSelect} WHERE u.username_key = @key", p => Bind(p, "key", key), ReadUser, cancellationToken)).SingleOrDefault()
            : null;

    public async Task<IReadOnlyList<UserRecord>> ListUsersAsync(Guid? before, int limit, CancellationToken cancellationToken) =>
        await database.QueryAsync(
            $"{UserSelect} {(before is null ? "" : "WHERE u.id < @before")} ORDER BY u.id DESC LIMIT @limit",
            p =>
            {
                if (before is { } b)
                {
                    Bind(p, "before", b);
                }

                Bind(p, "limit", limit);
            },
            ReadUser,
            cancellationToken);

    public async Task<bool> UpdateUserAsync(UserRecord user, CancellationToken cancellationToken) =>
        await database.ExecuteAsync(
            """
            UPDATE users SET username = @username, username_key = @username_key, email = @email, email_key = @email_key,
                password_hash = @password_hash, first_name = @first_name, last_name = @last_name, birth_date = @birth_date
            WHERE id = @id
            """,
            p => BindUser(p, user),
            cancellationToken) == 1;

    // Their tweets, follows, likes and retweets go with the user through ON DELETE CASCADE, inside the statement's own transaction.
    public async Task<bool> DeleteUserAsync(Guid id, CancellationToken cancellationToken) =>
        await database.ExecuteAsync("DELETE FROM users WHERE id = @id", p => Bind(p, "id", id), cancellationToken) == 1;

    private static void BindUser(NpgsqlParameterCollection p, UserRecord user)
    {
        Bind(p, "id", user.Id);
        Bind(p, "username", user.Username);
        Bind(p, "username_key", Username.Canonical(user.Username));
        Bind(p, "email", user.Email);
        Bind(p, "email_key", user.Email.ToLowerInvariant());
        Bind(p, "password_hash", user.PasswordHash);
        Bind(p, "first_name", user.FirstName);
        Bind(p, "last_name", user.LastName);
        p.Add(new NpgsqlParameter<DateOnly?>("birth_date", NpgsqlTypes.NpgsqlDbType.Date) { TypedValue = user.BirthDate });
    }

    private static UserRecord ReadUser(NpgsqlDataReader reader) => ReadUser(reader, 0);

    internal static UserRecord ReadUser(NpgsqlDataReader reader, int first) => new(
        reader.GetGuid(first),
        reader.GetString(first + 1),
        reader.GetString(first + 2),
        reader.GetString(first + 3),
        reader.GetString(first + 4),
        reader.GetString(first + 5),
        reader.IsDBNull(first + 6) ? null : reader.GetFieldValue<DateOnly>(first + 6),
        reader.GetDateTime(first + 7),
        reader.IsDBNull(first + 8) ? null : reader.GetString(first + 8))
    {
        FollowersCount = reader.GetInt32(first + 9),
        FollowingCount = reader.GetInt32(first + 10),
    };
}
