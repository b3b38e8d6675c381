namespace TweetsSoap.Client.Soap;

/// <summary>The SOAP version a client speaks; the service answers both on one address.</summary>
public enum SoapProtocol
{
    /// <summary>SOAP 1.1: <c>text/xml</c> and a <c>SOAPAction</c> header.</summary>
    Soap11,

    /// <summary>SOAP 1.2: <c>application/soap+xml</c> with the action as a Content-Type parameter.</summary>
    Soap12,
}
