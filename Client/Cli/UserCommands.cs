using System.CommandLine;

namespace TweetsSoap.Client.Cli;

/// <summary>signup, login, get-user, users, update-user, delete-user.</summary>
public static class UserCommands
{
    public static IEnumerable<Command> All()
    {
        var email = new Option<string?>("--email") { Description = "Email address" };
        var firstName = new Option<string?>("--first-name") { Description = "First name" };
        var lastName = new Option<string?>("--last-name") { Description = "Last name" };
        var birthDate = new Option<DateTime?>("--birth-date") { Description = "Birth date, yyyy-mm-dd" };
        var userId = new Argument<Guid>("user-id") { Description = "The user's id" };
        var maxResults = new Option<int?>("--max-results") { Description = "Page size, 1 to 100 (default 20)" };
        var pageToken = new Option<string?>("--page-token") { Description = "The next-page token of the previous page" };
        var newUsername = new Option<string?>("--new-username") { Description = "New username" };
        var newPassword = new Option<string?>("--new-password") { Description = "New password" };

        // SignUp is anonymous; --username and --password name the new account.
        yield return TweetsCli.Define("signup", "Create an account named by --username and --password", true, [email, firstName, lastName, birthDate], async (s, r) =>
        {
            using var users = s.Users();
            await TweetsCli.PrintAsync(s, users.SignUpAsync(s.Username, r.GetValue(email), s.Password, r.GetValue(firstName), r.GetValue(lastName), Utc(r.GetValue(birthDate)), null), Printer.User);
        });

        yield return TweetsCli.Define("login", "Check the credentials and show your own profile", true, [], async (s, _) =>
        {
            using var users = s.Users();
            await TweetsCli.PrintAsync(s, users.LoginAsync(), Printer.User);
        });

        yield return TweetsCli.Define("get-user", "Show a user's profile", false, [userId], async (s, r) =>
        {
            using var users = s.Users();
            await TweetsCli.PrintAsync(s, users.GetUserAsync(r.GetValue(userId)), Printer.User);
        });

        yield return TweetsCli.Define("users", "List users, newest first, one page at a time", false, [maxResults, pageToken], async (s, r) =>
        {
            using var users = s.Users();
            await TweetsCli.PrintAsync(s, users.ListUsersAsync(r.GetValue(maxResults), r.GetValue(pageToken)), Printer.Users);
        });

        yield return TweetsCli.Define("update-user", "Change your own account; absent options keep their value", true,
            [userId, newUsername, email, newPassword, firstName, lastName, birthDate], async (s, r) =>
            {
                using var users = s.Users();
                await TweetsCli.PrintAsync(s, users.UpdateUserAsync(r.GetValue(userId), r.GetValue(newUsername), r.GetValue(email), r.GetValue(newPassword),
                    r.GetValue(firstName), r.GetValue(lastName), Utc(r.GetValue(birthDate))), Printer.User);
            });

        yield return TweetsCli.Define("delete-user", "Delete your own account and its tweets", true, [userId], async (s, r) =>
        {
            using var users = s.Users();
            await users.DeleteUserAsync(r.GetValue(userId));
            await s.PrintEnvelopesAsync();
            await s.Output.WriteLineAsync($"deleted user {r.GetValue(userId)}");
        });
    }

    private static DateTime? Utc(DateTime? date) => date is { } d ? DateTime.SpecifyKind(d.Date, DateTimeKind.Utc) : null;
}
