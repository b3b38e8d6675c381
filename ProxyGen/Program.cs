using TweetsSoap.ProxyGen;

// dotnet run --project ProxyGen [-- <wsdl dir> <output dir> <namespace>]; the defaults regenerate Client/Generated.
var root = FindRepositoryRoot();
var wsdlDirectory = args.Length > 0 ? args[0] : Path.Combine(root, "wsdl");
var outputDirectory = args.Length > 1 ? args[1] : Path.Combine(root, "Client", "Generated");
var ns = args.Length > 2 ? args[2] : "TweetsSoap.Client";

try
{
    foreach (var file in Generator.Run(wsdlDirectory, outputDirectory, ns))
    {
        Console.WriteLine(Path.Combine(outputDirectory, file));
    }

    return 0;
}
catch (Exception e) when (e is NotSupportedException or InvalidDataException or System.Xml.XmlException or IOException)
{
    Console.Error.WriteLine($"proxygen: {e.Message}");
    return 1;
}

static string FindRepositoryRoot()
{
    for (var directory = new DirectoryInfo(Directory.GetCurrentDirectory()); directory is not null; directory = directory.Parent)
    {
        if (File.Exists(Path.Combine(directory.FullName, "TweetsSoap.sln")))
        {
            return directory.FullName;
        }
    }

    return Directory.GetCurrentDirectory();
}
