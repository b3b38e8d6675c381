namespace TweetsSoap.Contracts;

/// <summary>XML namespaces of the published contract.</summary>
public static class Namespaces
{
    /// <summary>
    /// The one namespace of every service, message and data type in version 1 of the contract (November 2026).
    /// A breaking change gets a new dated namespace, so old clients keep working against the old one.
    /// </summary>
    public const string V1 = "http://tweetssoap.example/2026/11";
}
