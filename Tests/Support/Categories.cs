namespace TweetsSoap.Tests.Support;

/// <summary>Test categories, for <c>dotnet test --filter</c>.</summary>
public static class Categories
{
    /// <summary>
    /// Drives a part that the whole-suite run installs beyond the .NET SDK (PostgreSQL, Chromium, Python zeep, Node
    /// packages). <c>dotnet test --filter TestCategory!=External</c> runs the rest with nothing but the SDK.
    /// </summary>
    public const string External = "External";
}
