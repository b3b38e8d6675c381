using TweetsSoap.Service.Wsdl;

namespace TweetsSoap.Tests.Support;

/// <summary>Every contract document the service serves, as paths relative to its base address.</summary>
public static class ContractDocumentPaths
{
    public static IReadOnlyList<string> All { get; } = [.. ContractDocuments.Published.Select(d => d.Served)];
}
