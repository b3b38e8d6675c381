using System.Xml;
using TweetsSoap.Service.Soap.Pipeline;

namespace TweetsSoap.Service.Soap.Xml;

/// <summary>The reader limits for SOAP messages, the same for SoapCore's encoders and for <see cref="SoapPipeline"/>.</summary>
public static class SoapReaderQuotas
{
    /// <summary>How many characters the names of one message may add up to.</summary>
    public const int MaxNameTableChars = 16 * 1024;

    public static XmlDictionaryReaderQuotas Create(int maxDepth = 32) => new()
    {
        MaxDepth = maxDepth,
        MaxStringContentLength = 16 * 1024,
        MaxArrayLength = 16 * 1024,
        MaxBytesPerRead = 4096,
        MaxNameTableCharCount = MaxNameTableChars,
    };
}
