using System.Xml.Linq;
using TweetsSoap.Contracts;
using TweetsSoap.Service.Soap;
using static TweetsSoap.Service.Export.SoapUiProject;

namespace TweetsSoap.Service.Export;

/// <summary>
/// The SoapUI project's test suite: one test case that signs up, logs in, posts twice, pages through the author's
/// tweets one at a time, edits and deletes the first tweet, reads it back as a typed <c>NotFound</c> fault, and
/// deletes the account, so that the case can run again on the same database. Each request body is the operation's
/// sample with the scenario's values; ids travel between steps by property transfers.
/// </summary>
public static class SoapUiScenario
{
    /// <summary>The outgoing WS-Security configuration of the scenario: the test case's own user.</summary>
    public const string Caller = "Scenario caller";

    public const string SuiteName = "TweetsSoap scenario";

    public const string CaseName = "Sign up, post, page, edit, delete";

    private static readonly XNamespace Ns = Namespaces.V1;

    private static readonly string Declare = $"declare namespace tns='{Namespaces.V1}';\n";

    private static readonly SoapEndpoint Users = SoapEndpoint.All.Single(e => e.Contract == typeof(IUserService));
    private static readonly SoapEndpoint Tweets = SoapEndpoint.All.Single(e => e.Contract == typeof(ITweetService));

    private const string FirstText = "Hello from SoapUI #soap";
    private const string SecondText = "Second tweet from SoapUI";
    private const string EditedText = "Hello from SoapUI #soap (edited)";

    private static readonly Step[] Steps =
    [
        new("Sign up", Users, nameof(IUserService.SignUp),
            new() { ["username"] = "${#TestCase#username}", ["email"] = "${#TestCase#username}@example.org", ["password"] = "${#TestCase#password}", ["clientRequestId"] = null },
            Checks: [("//tns:SignUpResult/tns:Username", "${#TestCase#username}")],
            Transfers: [("userId", "//tns:SignUpResult/tns:Id")]),
        new("Log in", Users, nameof(IUserService.Login), [],
            Checks: [("//tns:LoginResult/tns:Id", "${#TestCase#userId}")]),
        new("Post", Tweets, nameof(ITweetService.PostTweet),
            new() { ["text"] = FirstText, ["inReplyToTweetId"] = null, ["quotedTweetId"] = null, ["clientRequestId"] = null },
            Checks: [("//tns:PostTweetResult/tns:Text", FirstText), ("//tns:PostTweetResult/tns:Author/tns:Id", "${#TestCase#userId}")],
            Transfers: [("tweetId", "//tns:PostTweetResult/tns:Id")]),
        new("Post again", Tweets, nameof(ITweetService.PostTweet),
            new() { ["text"] = SecondText, ["inReplyToTweetId"] = null, ["quotedTweetId"] = null, ["clientRequestId"] = null },
            Checks: [("//tns:PostTweetResult/tns:Text", SecondText)]),
        new("First page", Tweets, nameof(ITweetService.ListTweets),
            new() { ["authorId"] = "${#TestCase#userId}", ["maxResults"] = "1", ["pageToken"] = null },
            Checks: [("//tns:ListTweetsResult/tns:Tweets/tns:Tweet/tns:Text", SecondText)],
            Transfers: [("pageToken", "//tns:ListTweetsResult/tns:NextPageToken")]),
        new("Next page", Tweets, nameof(ITweetService.ListTweets),
            new() { ["authorId"] = "${#TestCase#userId}", ["maxResults"] = "1", ["pageToken"] = "${#TestCase#pageToken}" },
            Checks: [("//tns:ListTweetsResult/tns:Tweets/tns:Tweet/tns:Id", "${#TestCase#tweetId}")]),
        new("Edit", Tweets, nameof(ITweetService.UpdateTweet),
            new() { ["tweetId"] = "${#TestCase#tweetId}", ["text"] = EditedText },
            Checks: [("//tns:UpdateTweetResult/tns:Text", EditedText)]),
        new("Delete", Tweets, nameof(ITweetService.DeleteTweet),
            new() { ["tweetId"] = "${#TestCase#tweetId}" }),
        new("Read the deleted tweet", Tweets, nameof(ITweetService.GetTweet),
            new() { ["tweetId"] = "${#TestCase#tweetId}" },
            IsFault: true,
            Checks: [("//tns:ServiceFault/tns:Code", nameof(ErrorCode.NotFound))]),
        new("Delete the account", Users, nameof(IUserService.DeleteUser),
            new() { ["userId"] = "${#TestCase#userId}" }),
    ];

    public static XElement TestSuite(string directory) =>
        new(Con + "testSuite",
            new XAttribute("id", Id(SuiteName)),
            new XAttribute("name", SuiteName),
            new XElement(Con + "settings"),
            new XElement(Con + "runType", "SEQUENTIAL"),
            new XElement(Con + "testCase",
                new XAttribute("id", Id($"{SuiteName}/{CaseName}")),
                new XAttribute("name", CaseName),
                new XAttribute("failOnError", "true"),
                new XAttribute("failTestCaseOnErrors", "true"),
                new XAttribute("keepSession", "false"),
                new XAttribute("maxResults", "0"),
                new XAttribute("searchProperties", "true"),
                new XElement(Con + "description", "Runs against a service on any database: the account it signs up is deleted at the end."),
                new XElement(Con + "settings"),
                Steps.SelectMany(step => StepElements(directory, step)),
                new XElement(Con + "properties",
                    Property("username", "soapui"),
                    Property("password", "a SoapUI scenario"),
                    Property("userId", ""),
                    Property("tweetId", ""),
                    Property("pageToken", ""))));

    private static IEnumerable<XElement> StepElements(string directory, Step step)
    {
        var version = Versions[0];
        var path = $"{SuiteName}/{CaseName}/{step.Name}";
        yield return new XElement(Con + "testStep",
            new XAttribute("type", "request"),
            new XAttribute("id", Id(path)),
            new XAttribute("name", step.Name),
            new XElement(Con + "settings"),
            new XElement(Con + "config",
                new XAttribute(Xsi + "type", "con:RequestStep"),
                new XElement(Con + "interface", InterfaceName(step.Endpoint, version)),
                new XElement(Con + "operation", step.Operation),
                Request(Con + "request", path + "/request", step.Name, step.Endpoint, step.Operation,
                    Envelope(version, [Body(directory, step)]),
                    NeedsCredentials(step.Endpoint, step.Operation) ? Caller : null,
                    Assertions(path, step))));

        if (step.Transfers is not [])
        {
            var transfer = $"Transfer from {step.Name}";
            yield return new XElement(Con + "testStep",
                new XAttribute("type", "transfer"),
                new XAttribute("id", Id($"{SuiteName}/{CaseName}/{transfer}")),
                new XAttribute("name", transfer),
                new XElement(Con + "settings"),
                new XElement(Con + "config",
                    new XAttribute(Xsi + "type", "con:PropertyTransfersStep"),
                    step.Transfers.Select(t => new XElement(Con + "transfers",
                        new XAttribute("setNullOnMissingSource", "true"),
                        new XAttribute("transferTextContent", "true"),
                        new XAttribute("failOnError", "true"),
                        new XAttribute("ignoreEmpty", "false"),
                        new XAttribute("transferToAll", "false"),
                        new XAttribute("entitize", "false"),
                        new XAttribute("transferChildNodes", "false"),
                        new XElement(Con + "name", t.Property),
                        new XElement(Con + "sourceType", "Response"),
                        new XElement(Con + "sourceStep", step.Name),
                        new XElement(Con + "sourcePath", Declare + t.Path),
                        new XElement(Con + "targetType", t.Property),
                        new XElement(Con + "targetStep", "#TestCase#"),
                        new XElement(Con + "targetPath"),
                        new XElement(Con + "upgraded", "true")))));
        }
    }

    /// <summary>
    /// SoapUI's identifiers for the two fault assertions are the other's label ("SOAP Fault Assertion" is the one
    /// shown as "Not SOAP Fault"), a swap its format has kept for compatibility; the names say what each checks.
    /// </summary>
    private static IEnumerable<XElement> Assertions(string path, Step step)
    {
        yield return Assertion(path, "SOAP Response", "SOAP Response", null);
        yield return step.IsFault
            ? Assertion(path, "Not SOAP Fault Assertion", "SOAP Fault", null)
            : Assertion(path, "SOAP Fault Assertion", "Not SOAP Fault", null);
        foreach (var (xpath, expected) in step.Checks)
        {
            yield return Assertion(path, "XPath Match", $"XPath Match {xpath}", new XElement(Con + "configuration",
                new XElement("path", Declare + xpath),
                new XElement("content", expected),
                new XElement("allowWildcards", "false"),
                new XElement("ignoreNamspaceDifferences", "false"),
                new XElement("ignoreComments", "false")));
        }
    }

    private static XElement Assertion(string path, string type, string name, XElement? configuration) =>
        new(Con + "assertion",
            new XAttribute("type", type),
            new XAttribute("id", Id($"{path}/{name}")),
            new XAttribute("name", name),
            configuration ?? new XElement(Con + "configuration"));

    /// <summary>The operation's sample body with the scenario's values; a <see langword="null"/> value leaves the (optional) element out.</summary>
    private static XElement Body(string directory, Step step)
    {
        var wrapper = new XElement(SampleBody(directory, step.Endpoint, step.Operation).Single());
        foreach (var (name, value) in step.Arguments)
        {
            var element = wrapper.Element(Ns + name) ?? throw new InvalidOperationException($"The {step.Operation} sample has no {name}.");
            if (value is null)
            {
                element.Remove();
            }
            else
            {
                element.RemoveAttributes();
                element.Value = value;
            }
        }

        if (!wrapper.Descendants().Attributes(SampleRecorder.Xsi + "nil").Any())
        {
            wrapper.Attributes().Where(a => a.IsNamespaceDeclaration && a.Value == SampleRecorder.Xsi.NamespaceName).Remove();
        }

        return wrapper;
    }

    private sealed record Step(
        string Name,
        SoapEndpoint Endpoint,
        string Operation,
        Dictionary<string, string?> Arguments,
        bool IsFault = false,
        (string XPath, string Expected)[]? Checks = null,
        (string Property, string Path)[]? Transfers = null)
    {
        public (string XPath, string Expected)[] Checks { get; } = Checks ?? [];

        public (string Property, string Path)[] Transfers { get; } = Transfers ?? [];
    }
}
