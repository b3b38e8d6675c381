using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using TweetsSoap.Contracts;
using TweetsSoap.Service.Help;
using TweetsSoap.Service.OpenApi;
using TweetsSoap.Service.Rest;
using TweetsSoap.Tests.Support;

namespace TweetsSoap.Tests.OpenApi;

/// <summary>
/// The served OpenAPI document against an independent validator, the route table and the answers the routes give:
/// whatever a route answers in these calls must be a response the document declares for it.
/// </summary>
[TestClass]
public sealed partial class OpenApiDocumentTests : ServiceTests<OpenApiDocumentTests>
{
    [TestMethod]
    [TestCategory(Categories.External)]
    public async Task ServedDocument_PassesAnIndependentOpenApi31Validator()
    {
        var folder = Repository.PathOf("Tests", "Interop", "node");
        Assert.IsTrue(Directory.Exists(Path.Combine(folder, "node_modules", "@seriousme", "openapi-schema-validator")),
            "The validator is not installed: run `bash .ci/install` (it runs `npm ci` in Tests/Interop/node).");

        var report = JsonNode.Parse(await RunNodeAsync(folder, "validate-openapi.js", new Uri(Service.BaseAddress, OpenApiSetup.DocumentPath).ToString()))!;

        Assert.IsTrue((bool)report["valid"]!, report["errors"]!.ToJsonString());
        Assert.AreEqual("3.1", (string?)report["version"]);
        Assert.IsNull(report["unresolved"], "every $ref resolves");
        CollectionAssert.AreEquivalent(
            Routes().Select(r => $"{r.Method} {r.Path} {r.Operation}").ToList(),
            report["operations"]!.AsArray().Select(o => $"{o!["method"]} {o["path"]} {o["operationId"]}").ToList(),
            "the validator sees every /api route, named after the contract operation it runs");
    }

    [TestMethod]
    public async Task EveryRoute_IsDocumentedWithItsPathParametersAndTheContractsDocText()
    {
        var document = await DocumentAsync();

        foreach (var route in Routes())
        {
            var operation = Operation(document, route.Method, route.Path);
            Assert.IsNotNull(operation, $"{route.Method} {route.Path} is in the document");
            Assert.AreEqual(route.Operation, (string?)operation["operationId"]);
            var contract = ContractOperation.Of(new RestOperation(route.Service, route.Operation));
            StringAssert.StartsWith((string?)operation["description"], contract.Summary, $"{route.Operation} has the contract's summary");
            var documented = operation["parameters"]?.AsArray().Where(p => (string?)p!["in"] == "path").Select(p => (string?)p!["name"]).ToList() ?? [];
            CollectionAssert.AreEquivalent(PathParameter().Matches(route.Path).Select(m => m.Groups[1].Value).ToList(), documented);
            Assert.AreEqual(contract.NeedsCredentials, operation["security"] is not null, $"{route.Operation} asks for Basic credentials exactly when it needs them");
        }

        var text = document["components"]!["schemas"]!["PostTweetRequest"]!["properties"]!["text"]!;
        Assert.AreEqual(DocText.Markdown(ContractDocs.Param(ContractDocs.Shared.OfMethod(typeof(ITweetService).GetMethod(nameof(ITweetService.PostTweet))!), "text")),
            (string?)text["description"], "a body field carries the contract parameter's doc");
        Assert.AreEqual("basic", (string?)document["components"]!["securitySchemes"]!["basic"]!["scheme"]);
    }

    [TestMethod]
    public async Task IndexPage_LinksTheOpenApiDocument()
    {
        var index = await Service.Http.GetStringAsync("/");

        StringAssert.Contains(index, $"href=\"{OpenApiSetup.DocumentPath}\"");
    }

    private static async Task<JsonNode> DocumentAsync()
    {
        using var response = await Service.Http.GetAsync(OpenApiSetup.DocumentPath.TrimStart('/'));
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.AreEqual("application/json", response.Content.Headers.ContentType?.MediaType);
        var document = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.AreEqual("3.1.1", (string?)document["openapi"]);
        return document;
    }

    private static JsonNode? Operation(JsonNode document, string method, string path) => document["paths"]?[path]?[method.ToLowerInvariant()];

    /// <summary>The contract routes the running service maps, with route constraints taken out as OpenAPI writes paths.</summary>
    private static List<(string Method, string Path, string Service, string Operation)> Routes() =>
    [
        .. Service.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<RestOperation>() is not null)
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(method =>
                (method, Constraint().Replace(e.RoutePattern.RawText!, "}"), e.Metadata.GetMetadata<RestOperation>()!.Service, e.Metadata.GetMetadata<RestOperation>()!.Operation))),
    ];

    private static async Task<string> RunNodeAsync(string folder, params string[] arguments)
    {
        var start = new ProcessStartInfo("node") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        arguments.ToList().ForEach(start.ArgumentList.Add);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        Assert.AreEqual(0, process.ExitCode, $"node {string.Join(' ', arguments)} failed:\n{await stderr}");
        return await stdout;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@":[a-z]+\}")]
    private static partial System.Text.RegularExpressions.Regex Constraint();

    [System.Text.RegularExpressions.GeneratedRegex(@"\{([A-Za-z]+)\}")]
    private static partial System.Text.RegularExpressions.Regex PathParameter();
}
