using System.Xml;

namespace TweetsSoap.Service.Soap;

/// <summary>The reader limits for SOAP messages, the same for SoapCore's encoders and for <see cref="SoapFastPath"/>.</summary>
public static class SoapReaderQuotas
{
    public static XmlDictionaryReaderQuotas Create() => new()
    {
        MaxDepth = 32,
        MaxStringContentLength = 16 * 1024,
        MaxArrayLength = 16 * 1024,
        MaxBytesPerRead = 4096,
        MaxNameTableCharCount = 16 * 1024,
    };
}
