using Microsoft.AspNetCore.Identity;
using TweetsSoap.Contracts;
using TweetsSoap.Service.Domain;
using TweetsSoap.Service.Identity;
using TweetsSoap.Service.Storage;

namespace TweetsSoap.Service.Operations;

public sealed class UserService(ITweetStore store, Authenticator authenticator, IPasswordHasher<UserRecord> hasher, Clock clock, CallCancellation cancellation)
    : IUserService
{
    private const string Listing = "users";

    public async Task<User> SignUp(string username, string email, string password, string firstName, string lastName, DateTime? birthDate, string? clientRequestId)
    {
        new Validation()
            .Username(username).Email(email).Password(password)
            .Name(firstName, "firstName").Name(lastName, "lastName")
            .BirthDate(DateOnlyOf(birthDate), clock.Today())
            .ClientRequestId(clientRequestId)
            .ThrowIfInvalid();
        var requestId = string.IsNullOrEmpty(clientRequestId) ? null : clientRequestId;

        var user = new UserRecord(Clock.NewId(), username, email, "", firstName.Trim(), lastName.Trim(), DateOnlyOf(birthDate), clock.UtcNow(), requestId);
        user = user with { PasswordHash = hasher.HashPassword(user, password) };
        try
        {
            await store.CreateUserAsync(user, CancellationToken.None);
        }
        catch (DuplicateValueException e)
        {
            return ToContract(await FindRetriedSignUpAsync(username, email, password, requestId) ?? throw OperationException.Conflict(e.Field), self: true);
        }

        return ToContract(user, self: true);
    }

    public async Task<User> Login() => ToContract(await authenticator.RequireUserAsync(cancellation.Token), self: true);

    public async Task<User> GetUser(Guid userId)
    {
        new Validation().Required(userId, "userId").ThrowIfInvalid();
        var user = await store.GetUserAsync(userId, cancellation.Token) ?? throw UserNotFound(userId);
        return ToContract(user, self: false);
    }

    public async Task<UserPage> ListUsers(int? maxResults, string? pageToken)
    {
        new Validation().PageSize(maxResults).ThrowIfInvalid();
        var after = Paging.ReadToken(pageToken, Listing);
        var size = maxResults ?? Paging.DefaultPageSize;
        var rows = await store.ListUsersAsync(after, size + 1, cancellation.Token);
        var (page, next) = Paging.Cut(rows, size, Listing, u => u.Id);
        return new UserPage { Users = [.. page.Select(u => ToContract(u, self: false))], NextPageToken = next };
    }

    public async Task<User> UpdateUser(Guid userId, string? username, string? email, string? password, string? firstName, string? lastName, DateTime? birthDate)
    {
        var caller = await authenticator.RequireUserAsync(cancellation.Token);
        var validation = new Validation().Required(userId, "userId");
        if (username is not null) validation.Username(username);
        if (email is not null) validation.Email(email);
        if (password is not null) validation.Password(password);
        if (firstName is not null) validation.Name(firstName, "firstName");
        if (lastName is not null) validation.Name(lastName, "lastName");
        validation.BirthDate(DateOnlyOf(birthDate), clock.Today()).ThrowIfInvalid();
        EnsureSelf(caller, userId);

        var updated = caller with
        {
            Username = username ?? caller.Username,
            Email = email ?? caller.Email,
            FirstName = firstName?.Trim() ?? caller.FirstName,
            LastName = lastName?.Trim() ?? caller.LastName,
            BirthDate = DateOnlyOf(birthDate) ?? caller.BirthDate,
        };
        if (password is not null)
        {
            updated = updated with { PasswordHash = hasher.HashPassword(updated, password) };
        }

        if (!await WriteAsync(() => store.UpdateUserAsync(updated, CancellationToken.None)))
        {
            throw UserNotFound(userId);
        }

        return ToContract(updated, self: true);
    }

    public async Task DeleteUser(Guid userId)
    {
        var caller = await authenticator.RequireUserAsync(cancellation.Token);
        new Validation().Required(userId, "userId").ThrowIfInvalid();
        EnsureSelf(caller, userId);
        if (!await store.DeleteUserAsync(userId, CancellationToken.None))
        {
            throw UserNotFound(userId);
        }
    }

    public async Task<UserLookup> GetUsersByUsernames(List<string> usernames)
    {
        new Validation().Batch(usernames, "usernames").ThrowIfInvalid();
        var valid = usernames.Where(n => Username.IsValid(n)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var found = (await store.FindUsersByUsernamesAsync(valid, cancellation.Token)).ToDictionary(u => u.Username, StringComparer.OrdinalIgnoreCase);
        var lookup = new UserLookup();
        foreach (var name in usernames.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (found.TryGetValue(name ?? "", out var user))
            {
                lookup.Users.Add(ToContract(user, self: false));
            }
            else
            {
                var isValid = Username.IsValid(name);
                lookup.Problems.Add(new LookupProblem
                {
                    Value = name ?? "",
                    Code = isValid ? ErrorCode.NotFound : ErrorCode.ValidationFailed,
                    Message = isValid ? $"There is no user named {name}." : $"A username is {Username.Rule}.",
                });
            }
        }

        return lookup;
    }

    private static User ToContract(UserRecord user, bool self) => Mapping.ToContract(user, self);

    private static DateOnly? DateOnlyOf(DateTime? value) => value is { } v ? DateOnly.FromDateTime(v) : null;

    private static void EnsureSelf(UserRecord caller, Guid userId)
    {
        if (caller.Id != userId)
        {
            throw OperationException.Forbidden("Only the user themselves may change or delete their account.");
        }
    }

    /// <summary>
    /// The account a first attempt of this sign-up created, or null when the username was taken otherwise. Anyone
    /// may call SignUp, so the request id alone proves nothing: the retry must also repeat the email and a
    /// password that verifies, which is what reading the account's private fields through Login needs anyway.
    /// </summary>
    private async Task<UserRecord?> FindRetriedSignUpAsync(string username, string email, string password, string? requestId)
    {
        if (requestId is null)
        {
            return null;
        }

        var existing = await store.FindUserByUsernameAsync(username, cancellation.Token);
        var isRetry = existing is not null
            && existing.SignUpRequestId == requestId
            && string.Equals(existing.Email, email, StringComparison.OrdinalIgnoreCase)
            && hasher.VerifyHashedPassword(existing, existing.PasswordHash, password) != PasswordVerificationResult.Failed;
        return isRetry ? existing : null;
    }

    private static Exception UserNotFound(Guid userId) => OperationException.NotFound($"There is no user with id {userId}.");

    private static async Task<T> WriteAsync<T>(Func<Task<T>> write)
    {
        try
        {
            return await write();
        }
        catch (DuplicateValueException e)
        {
            throw OperationException.Conflict(e.Field);
        }
    }
}
