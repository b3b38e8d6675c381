namespace TweetsSoap.Tests.Support;

/// <summary>Files of the repository the tests were built from (the committed WSDLs, the interop scripts).</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "TweetsSoap.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No TweetsSoap.sln above {AppContext.BaseDirectory}.");
    }
}
