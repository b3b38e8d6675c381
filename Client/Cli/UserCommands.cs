using System.CommandLine;

namespace TweetsSoap.Client.Cli;

/// <summary>The UserService: signup, login, get-user, users, users-by, update-user, delete-user.</summary>
public static class UserCommands
{
    public static IEnumerable<Command> All()
    {
        var email = new Option<string?>("--email") { Description = "Email address" };
        var firstName = new Option<string?>("--first-name") { Description = "First name" };
        var lastName = new Option<string?>("--last-name") { Description = "Last name" };
        var birthDate = new Option<DateTime?>("--birth-date") { Description = "Birth date, yyyy-mm-dd" };
        var clientRequestId = new Option<string?>("--client-request-id") { Description = "Makes a retried signup create one account" };
        var userId = new Argument<Guid>("user-id") { Description = "The user's id" };
        var usernames = new Argument<string[]>("usernames") { Description = "Usernames to look up, 1 to 100", Arity = ArgumentArity.OneOrMore };
        var newUsername = new Option<string?>("--new-username") { Description = "New username" };
        var newPassword = new Option<string?>("--new-password") { Description = "New password" };

        // SignUp is anonymous; --username and --password name the new account.
        yield return TweetsCli.Define("signup", "Create an account named by --username and --password", true, [email, firstName, lastName, birthDate, clientRequestId],
            (s, r) => s.Users().SignUpAsync(s.Username, r.GetValue(email), s.Password, r.GetValue(firstName), r.GetValue(lastName), Utc(r.GetValue(birthDate)), r.GetValue(clientRequestId)),
            Printer.User);

        yield return TweetsCli.Define("login", "Check the credentials and show your own profile", true, [],
            (s, _) => s.Users().LoginAsync(), Printer.User);

        yield return TweetsCli.Define("get-user", "Show a user's profile", false, [userId],
            (s, r) => s.Users().GetUserAsync(r.GetValue(userId)), Printer.User);

        yield return TweetsCli.DefinePaged("users", "List users, newest first", false, [],
            async (s, _, max, token) => Pages.Of(await s.Users().ListUsersAsync(max, token)),
            Printer.UserLine);

        yield return TweetsCli.Define("users-by", "Look up users by username, with a problem line for each one not found", false, [usernames],
            (s, r) => s.Users().GetUsersByUsernamesAsync(new ArrayOfstring(r.GetValue(usernames)!)), Printer.Users);

        yield return TweetsCli.Define("update-user", "Change your own account; absent options keep their value", true,
            [userId, newUsername, email, newPassword, firstName, lastName, birthDate],
            (s, r) => s.Users().UpdateUserAsync(r.GetValue(userId), r.GetValue(newUsername), r.GetValue(email), r.GetValue(newPassword),
                r.GetValue(firstName), r.GetValue(lastName), Utc(r.GetValue(birthDate))),
            Printer.User);

        yield return TweetsCli.Define("delete-user", "Delete your own account and its tweets", true, [userId],
            (s, r) => s.Users().DeleteUserAsync(r.GetValue(userId)), r => $"deleted user {r.GetValue(userId)}");
    }

    private static DateTime? Utc(DateTime? date) => date is { } d ? DateTime.SpecifyKind(d.Date, DateTimeKind.Utc) : null;
}
