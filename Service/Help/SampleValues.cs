using System.Collections;

namespace TweetsSoap.Service.Help;

/// <summary>
/// Plausible values for sample messages, picked by field name where a name says more than its type does
/// (a username, an email), by type otherwise, so that a new operation gets a sample without anyone writing one.
/// </summary>
public static class SampleValues
{
    private static readonly Dictionary<string, object> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["username"] = "ada",
        ["email"] = "ada@example.org",
        ["password"] = "correct horse",
        ["firstName"] = "Ada",
        ["lastName"] = "Lovelace",
        ["displayName"] = "Ada Lovelace",
        ["text"] = "Hello from SOAP",
        ["maxResults"] = 20,
        ["birthDate"] = new DateTime(1990, 12, 10, 0, 0, 0, DateTimeKind.Utc),
        ["nextPageToken"] = "opaque-token-from-the-previous-page",
    };

    /// <summary>
    /// Optional request fields a sample leaves out: a made-up page token, filter or referenced tweet would make the
    /// sample fail (a reply to a tweet that does not exist is NotFound) or find nothing, and a fixed client request
    /// id would turn the second post of an edited text into a Conflict.
    /// </summary>
    private static readonly HashSet<string> LeftOutOfRequests = new(StringComparer.OrdinalIgnoreCase) { "pageToken", "authorId", "inReplyToTweetId", "quotedTweetId", "sinceId", "untilId", "clientRequestId" };

    private static readonly DateTime SampleTime = new(2026, 11, 27, 22, 40, 35, DateTimeKind.Utc);

    public static bool LeaveOut(ParameterModel parameter) => parameter.Optional && LeftOutOfRequests.Contains(parameter.Name);

    public static object? For(Type type, string name, int depth = 0)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (ByName.TryGetValue(name, out var byName) && underlying.IsInstanceOfType(byName))
        {
            return byName;
        }

        if (underlying == typeof(string))
        {
            return name;
        }

        if (underlying == typeof(Guid))
        {
            return Guid.Parse("01a21f2a-e71b-71e0-980c-5a10aff6257f");
        }

        if (underlying == typeof(DateTime))
        {
            return SampleTime;
        }

        if (underlying.IsEnum)
        {
            return Enum.GetValues(underlying).GetValue(0);
        }

        if (underlying.IsPrimitive || underlying == typeof(decimal))
        {
            return Convert.ChangeType(1, underlying, System.Globalization.CultureInfo.InvariantCulture);
        }

        if (depth > 4 || underlying.GetConstructor(Type.EmptyTypes) is null)
        {
            return null;
        }

        var element = ContractModel.ElementType(underlying);
        if (element != underlying && underlying.IsAssignableTo(typeof(IList)))
        {
            var list = (IList)Activator.CreateInstance(underlying)!;
            list.Add(For(element, element.Name, depth + 1));
            return list;
        }

        var instance = Activator.CreateInstance(underlying)!;
        foreach (var (property, member) in ContractModel.Members(underlying))
        {
            if (property.CanWrite)
            {
                property.SetValue(instance, For(property.PropertyType, ContractModel.WireName(property, member), depth + 1));
            }
        }

        return instance;
    }
}
