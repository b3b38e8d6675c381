using System.ServiceModel;
using System.Text;

namespace TweetsSoap.Service.Soap;

/// <summary>
/// The request body as <see cref="SoapRequestGuard"/> read and inspected it, kept on the request's features so that
/// <see cref="SoapFastPath"/> parses those bytes instead of reading the body a second time.
/// </summary>
public sealed record BufferedEnvelope(byte[] Buffer, int Length, Encoding Encoding, EnvelopeVersion Version);
