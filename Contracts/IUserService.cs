using System.ServiceModel;

namespace TweetsSoap.Contracts;

/// <summary>
/// Accounts: sign up, log in, read, list, update and delete users. Operations that change data, and
/// <see cref="Login"/>, need a WS-Security UsernameToken (PasswordText) in the <c>wsse:Security</c> header;
/// the others are anonymous. Every operation may raise <see cref="ServiceFault"/>.
/// </summary>
[ServiceContract(Name = "UserService", Namespace = Namespaces.V1)]
public interface IUserService
{
    /// <summary>Creates an account and returns its profile. Anonymous.</summary>
    /// <param name="username">1 to 15 letters, digits or underscores; unique regardless of case.</param>
    /// <param name="email">A valid address; unique regardless of case.</param>
    /// <param name="password">8 to 64 characters; stored only as a salted slow hash.</param>
    /// <param name="firstName">1 to 50 characters.</param>
    /// <param name="lastName">1 to 50 characters.</param>
    /// <param name="birthDate">Optional; the date part is kept and must not be in the future.</param>
    /// <param name="clientRequestId">Optional, as for <c>PostTweet</c>. SignUp is anonymous, so the id is scoped to the
    /// username: a retry with the same username, email, password and id returns the account the first attempt created
    /// instead of a <c>Conflict</c>.</param>
    /// <remarks>Faults: ValidationFailed (with the field names), Conflict (username or email taken), Unavailable.</remarks>
    [OperationContract]
    [FaultContract(typeof(ServiceFault))]
    Task<User> SignUp(string username, string email, string password, string firstName, string lastName, DateTime? birthDate, string? clientRequestId);

    /// <summary>Checks the UsernameToken in the header and returns the caller's own profile.</summary>
    /// <remarks>Faults: Unauthenticated (no token, unknown user or wrong password: the same fault for each).</remarks>
    [OperationContract]
    [FaultContract(typeof(ServiceFault))]
    Task<User> Login();

    /// <summary>Returns a user's public profile (with email and birth date when the caller is that user). Anonymous.</summary>
    /// <remarks>Faults: ValidationFailed (userId missing), NotFound.</remarks>
    [OperationContract]
    [FaultContract(typeof(ServiceFault))]
    Task<User> GetUser(Guid userId);

    /// <summary>Lists users, newest first, one page at a time. Anonymous.</summary>
    /// <param name="maxResults">Page size, 1 to 100; 20 when absent.</param>
    /// <param name="pageToken">The <c>NextPageToken</c> of the previous page; absent for the first page.</param>
    /// <remarks>Faults: ValidationFailed (maxResults out of range, pageToken not one we issued).</remarks>
    [OperationContract]
    [FaultContract(typeof(ServiceFault))]
    Task<UserPage> ListUsers(int? maxResults, string? pageToken);

    /// <summary>Returns up to 100 users by username (ignoring case) in one call. Usernames not found or not valid are
    /// reported in <c>Problems</c>, not as a fault. Anonymous.</summary>
    /// <remarks>Faults: ValidationFailed (no usernames, or more than 100).</remarks>
    [OperationContract]
    [FaultContract(typeof(ServiceFault))]
    Task<UserLookup> GetUsersByUsernames(List<string> usernames);

    /// <summary>Changes the caller's own account; absent fields keep their value. Needs a UsernameToken.</summary>
    /// <param name="userId">Must be the caller's own id.</param>
    /// <param name="username">New handle, same rules as at sign-up.</param>
    /// <param name="email">New email, same rules as at sign-up.</param>
    /// <param name="password">New password, 8 to 64 characters.</param>
    /// <param name="firstName">New first name.</param>
    /// <param name="lastName">New last name.</param>
    /// <param name="birthDate">New birth date, not in the future.</param>
    /// <remarks>Faults: Unauthenticated, Forbidden (another user's account), NotFound, ValidationFailed, Conflict.</remarks>
    [OperationContract]
    [FaultContract(typeof(ServiceFault))]
    Task<User> UpdateUser(Guid userId, string? username, string? email, string? password, string? firstName, string? lastName, DateTime? birthDate);

    /// <summary>Deletes the caller's own account with its tweets, follows, likes and retweets. Needs a UsernameToken.</summary>
    /// <remarks>Faults: Unauthenticated, Forbidden (another user's account), NotFound, ValidationFailed.</remarks>
    [OperationContract]
    [FaultContract(typeof(ServiceFault))]
    Task DeleteUser(Guid userId);
}
