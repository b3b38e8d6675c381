using System.Xml.Linq;
using TweetsSoap.Service.Soap.Security;

namespace TweetsSoap.Service.Soap.Pipeline;

/// <summary>
/// A request as the pipeline read it: the operation and its arguments, the WS-Security header if any, and what the
/// request is wrong with, if anything (then the operation does not run).
/// </summary>
public sealed record SoapRequest(SoapOperation? Operation, object?[]? Arguments, XElement? Security, Exception? Problem)
{
    /// <summary>WCF's security channel sends a wsu:Timestamp and refuses an answer that carries none back.</summary>
    public bool AsksForTimestamp => Security?.Element(XName.Get("Timestamp", UsernameTokenHeader.UtilityNamespace)) is not null;
}
