namespace TweetsSoap.Tests.Support;

/// <summary>The three ways to call the service: SOAP 1.1, SOAP 1.2 (each with a UsernameToken) and the JSON face (HTTP Basic).</summary>
public enum Face
{
    Soap11,
    Soap12,
    Json,
}
