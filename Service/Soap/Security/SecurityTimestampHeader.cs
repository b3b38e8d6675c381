using System.Globalization;
using System.ServiceModel.Channels;
using System.Xml;

namespace TweetsSoap.Service.Soap.Security;

/// <summary>
/// The <c>wsse:Security</c> header with a <c>wsu:Timestamp</c> that a WCF service puts on its answers to a request
/// that carried a wsu:Timestamp in its WS-Security header, as WCF's security channel sends it: WCF clients with
/// <c>TransportWithMessageCredential</c> refuse answers without it. Clients that send none (SoapUI, zeep, plain WCF
/// with a hand-made header) do not expect one back and would refuse a mustUnderstand header they do not know.
/// </summary>
public sealed class SecurityTimestampHeader(DateTimeOffset created) : MessageHeader
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    public override string Name => "Security";

    public override string Namespace => UsernameTokenHeader.SecurityNamespace;

    public override bool MustUnderstand => true;

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
