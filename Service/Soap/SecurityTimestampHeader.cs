using System.Globalization;
using System.ServiceModel.Channels;
using System.Xml;
using System.Xml.Linq;

namespace TweetsSoap.Service.Soap;

/// <summary>
/// The <c>wsse:Security</c> header with a <c>wsu:Timestamp</c> that a WCF service puts on its answers to a request
/// that carried WS-Security: WCF clients with <c>TransportWithMessageCredential</c> refuse answers without it.
/// </summary>
public sealed class SecurityTimestampHeader(DateTimeOffset created) : MessageHeader
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    public override string Name => "Security";

    public override string Namespace => UsernameTokenHeader.SecurityNamespace;

    public override bool MustUnderstand => true;

    /// <summary>
    /// Adds the header to <paramref name="response"/> when <paramref name="request"/> had a wsse:Security header with
    /// a wsu:Timestamp, as WCF's security channel sends it. Clients that send none (SoapUI, zeep, plain WCF with a
    /// hand-made header) do not expect one back and would refuse a mustUnderstand header they do not know.
    /// </summary>
    public static void AddWhenAsked(Message? request, Message response, TimeProvider time)
    {
        var index = request is null || request.State == MessageState.Closed
            ? -1
            : request.Headers.FindHeader("Security", UsernameTokenHeader.SecurityNamespace);
        if (index < 0)
        {
            return;
        }

        using var reader = request!.Headers.GetReaderAtHeader(index);
        if (XElement.Load(reader).Element(XName.Get("Timestamp", UsernameTokenHeader.UtilityNamespace)) is not null)
        {
            response.Headers.Add(new SecurityTimestampHeader(time.GetUtcNow()));
        }
    }

    protected override void OnWriteHeaderContents(XmlDictionaryWriter writer, MessageVersion messageVersion)
    {
        const string wsu = UsernameTokenHeader.UtilityNamespace;
        writer.WriteStartElement("u", "Timestamp", wsu);
        writer.WriteAttributeString("u", "Id", wsu, "_0");
        writer.WriteElementString("u", "Created", wsu, Format(created));
        writer.WriteElementString("u", "Expires", wsu, Format(created + Lifetime));
        writer.WriteEndElement();
    }

    private static string Format(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
}
