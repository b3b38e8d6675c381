using System.ServiceModel;
using System.Text;

namespace TweetsSoap.Service.Soap.Pipeline;

/// <summary>A request body as read from the wire, with the decoder and the SOAP version its headers and bytes call for.</summary>
public sealed record BufferedEnvelope(byte[] Buffer, int Length, Encoding Encoding, EnvelopeVersion Version);
