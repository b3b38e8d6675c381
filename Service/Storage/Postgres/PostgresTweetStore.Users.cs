using Npgsql;

namespace TweetsSoap.Service.Storage.Postgres;

public sealed partial class PostgresTweetStore
{
    private const string UserColumns =
        "id, username, email, password_hash, first_name, last_name, birth_date, created_at, signup_request_id";

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
        (await database.QueryAsync($"SELECT {UserColumns} FROM users WHERE id = @id", p => Bind(p, "id", id), ReadUser, cancellationToken))
        .SingleOrDefault();

    public async Task<UserRecord?> FindUserByUsernameAsync(string username, CancellationToken cancellationToken) =>
        (await database.QueryAsync(
            $"SELECT {UserColumns} FROM users WHERE username_key = @key",
            p => Bind(p, "key", username.ToLowerInvariant()),
            ReadUser,
            cancellationToken))
        .SingleOrDefault();

    public async Task<IReadOnlyList<UserRecord>> ListUsersAsync(Guid? before, int limit, CancellationToken cancellationToken) =>
        await database.QueryAsync(
            $"SELECT {UserColumns} FROM users {(before is null ? "" : "WHERE id < @before")} ORDER BY id DESC LIMIT @limit",
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

    // The tweets go with the user through ON DELETE CASCADE, inside the statement's own transaction.
    public async Task<bool> DeleteUserAsync(Guid id, CancellationToken cancellationToken) =>
        await database.ExecuteAsync("DELETE FROM users WHERE id = @id", p => Bind(p, "id", id), cancellationToken) == 1;

    private static void BindUser(NpgsqlParameterCollection p, UserRecord user)
    {
        Bind(p, "id", user.Id);
        Bind(p, "username", user.Username);
        Bind(p, "username_key", user.Username.ToLowerInvariant());
        Bind(p, "email", user.Email);
        Bind(p, "email_key", user.Email.ToLowerInvariant());
        Bind(p, "password_hash", user.PasswordHash);
        Bind(p, "first_name", user.FirstName);
        Bind(p, "last_name", user.LastName);
        p.Add(new NpgsqlParameter<DateOnly?>("birth_date", NpgsqlTypes.NpgsqlDbType.Date) { TypedValue = user.BirthDate });
    }

    private static UserRecord ReadUser(NpgsqlDataReader reader) => new(
        reader.GetGuid(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.GetString(3),
        reader.GetString(4),
        reader.GetString(5),
        reader.IsDBNull(6) ? null : reader.GetFieldValue<DateOnly>(6),
        reader.GetDateTime(7),
        reader.IsDBNull(8) ? null : reader.GetString(8));
}
