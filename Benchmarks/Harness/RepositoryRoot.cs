namespace TweetsSoap.Benchmarks.Harness;

/// <summary>The checkout this harness was built from: the folder above its output that holds TweetsSoap.sln.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "TweetsSoap.sln")))
            {
                return folder.FullName;
            }
        }

        return Environment.CurrentDirectory;
    }
}
