using System.Xml.Linq;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Data.Sqlite;
using TweetsSoap.Service.OpenApi;
using TweetsSoap.Service.Wsdl;

namespace TweetsSoap.Service.Export;

/// <summary>
/// <c>export-wsdl &lt;directory&gt;</c>: runs the service in-process on a free loopback port over a temporary
/// database, and writes what it publishes: each service's WSDL in both forms, the shared schemas, the JSON face's
/// OpenAPI document, a sample request and response per operation, and a SoapUI project built from them.
/// </summary>
public static class ExportWsdlCommand
{
    public const string Name = "export-wsdl";

    /// <summary>The OpenAPI document's file beside the WSDLs: both faces' published contracts in one folder.</summary>
    public const string OpenApiFile = "openapi.json";

    /// <summary>The address committed WSDLs carry: the one <c>dotnet run --project Service</c> serves.</summary>
    public static readonly Uri PublishedBase = new("http://localhost:5000/");

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        if (args is not [var target])
        {
            await Console.Error.WriteLineAsync($"usage: dotnet run --project Service -- {Name} <directory>   (relative to the repository root, e.g. wsdl)");
            return 2;
        }

        var directory = Path.GetFullPath(target, RepositoryRoot() ?? Environment.CurrentDirectory);
        await ExportAsync(directory);
        Console.WriteLine($"Wrote the WSDLs, {OpenApiFile}, samples and {SoapUiProject.FileName} to {directory}");
        return 0;
    }

    public static async Task ExportAsync(string directory)
    {
        var data = Directory.CreateTempSubdirectory("tweetssoap-export-");
        try
        {
            var app = TweetsSoapHost.Build(
            [
                "--urls=http://127.0.0.1:0",
                $"--Storage:SqlitePath={Path.Combine(data.FullName, "tweets.db")}",
                "--Logging:LogLevel:Default=Warning",
            ]);
            await app.StartAsync();
            try
            {
                var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
                using var http = new HttpClient { BaseAddress = new Uri(address.TrimEnd('/') + "/") };
                Directory.CreateDirectory(directory);
                foreach (var (served, file) in ContractDocuments.Published)
                {
                    var path = Path.Combine(directory, file);
                    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                    await File.WriteAllTextAsync(path, Published(await http.GetStringAsync(served)));
                }

                var openApi = await http.GetStringAsync(OpenApiSetup.DocumentPath.TrimStart('/'));
                await File.WriteAllTextAsync(Path.Combine(directory, OpenApiFile), openApi.ReplaceLineEndings("\n").TrimEnd('\n') + "\n");

                var recorder = new SampleRecorder(http, PublishedBase, Path.Combine(directory, "samples"));
                await new SampleScenario(recorder).RunAsync();
                recorder.DeleteOthers();
                await SoapUiProject.WriteAsync(directory);
            }
            finally
            {
                await app.StopAsync();
                await app.DisposeAsync();
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            data.Delete(recursive: true);
        }
    }

    /// <summary>
    /// The folder holding <c>TweetsSoap.sln</c>, above the current directory. Relative targets are taken from there,
    /// because <c>dotnet run --project Service</c> runs the service in <c>Service/</c>, not where it was typed.
    /// </summary>
    private static string? RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(Environment.CurrentDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "TweetsSoap.sln")))
            {
                return folder.FullName;
            }
        }

        return null;
    }

    /// <summary>A contract document as committed: the served one with every port's address moved to <see cref="PublishedBase"/>.</summary>
    public static string Published(string servedWsdl)
    {
        var wsdl = XDocument.Parse(servedWsdl);
        var ports = wsdl.Root!.Elements(WsdlSchemaCleanup.Wsdl + "service").Elements(WsdlSchemaCleanup.Wsdl + "port");
        foreach (var address in ports.Elements().Where(e => e.Name.LocalName == "address"))
        {
            var served = new Uri((string)address.Attribute("location")!);
            address.SetAttributeValue("location", new Uri(PublishedBase, served.PathAndQuery).ToString());
        }

        return WsdlMiddleware.Serialize(wsdl);
    }
}
