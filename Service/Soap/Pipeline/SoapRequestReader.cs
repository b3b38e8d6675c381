using System.Buffers;
using System.Collections.Frozen;
using System.Runtime.Serialization;
using System.ServiceModel;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using TweetsSoap.Service.Domain;
using TweetsSoap.Service.Soap.Faults;
using TweetsSoap.Service.Soap.Security;
using TweetsSoap.Service.Soap.Xml;

namespace TweetsSoap.Service.Soap.Pipeline;

/// <summary>
/// Reads a buffered request in one pass: the XML with a reader that resolves nothing and accepts no DTD, the limits on
/// every element (<see cref="GuardedXmlReader"/>), the envelope's version and shape, the headers (WS-Security and
/// mustUnderstand), the operation the action names and its arguments.
/// </summary>
/// <remarks>
/// A problem with the envelope itself is thrown where it is found (<see cref="EnvelopeProblem"/>). A problem with
/// what the envelope asks for (the action, the body's operation, an argument) is kept while the rest is read, and
/// returned in <see cref="SoapRequest.Problem"/>, so that an envelope that is also unsound is answered as such whatever the order of the two.
/// </remarks>
public sealed class SoapRequestReader
{
    // The depth is GuardedXmlReader's to check, with a message that names the limit.
    private static readonly XmlDictionaryReaderQuotas Quotas = SoapReaderQuotas.Create(maxDepth: int.MaxValue);

    private static readonly SearchValues<byte> ForbiddenControls =
        SearchValues.Create([.. Enumerable.Range(0, 0x20).Where(b => b is not ('\t' or '\n' or '\r')).Select(b => (byte)b)]);

    private static readonly XName Nil = XName.Get("nil", "http://www.w3.org/2001/XMLSchema-instance");

    private static readonly HashSet<string> OurRoles = new(StringComparer.Ordinal)
    {
        "http://schemas.xmlsoap.org/soap/actor/next",
        "http://www.w3.org/2003/05/soap-envelope/role/next",
        "http://www.w3.org/2003/05/soap-envelope/role/ultimateReceiver",
    };

    // Half the quota: the other half is room for the names the reader starts with and those readers of it add themselves.
    private static readonly int NameTableBudget = Quotas.MaxNameTableCharCount / 2;

    [ThreadStatic]
    private static XmlDictionaryReader? t_textReader;

    /// <summary>The bytes of the bodies read since <see cref="t_textReader"/>'s name table was last dropped: an upper bound on the characters of the names in it.</summary>
    [ThreadStatic]
    private static int t_namesRead;

    private readonly GuardedXmlReader _reader;
    private readonly EnvelopeVersion _version;
    private readonly string _soap;
    private readonly SoapEndpoint _endpoint;
    private readonly FrozenDictionary<string, SoapOperation> _operations;
    private readonly string? _action;
    private Exception? _deferred;
    private SoapOperation? _operation;
    private object?[]? _arguments;
    private XElement? _security;

    private SoapRequestReader(GuardedXmlReader reader, EnvelopeVersion version, SoapEndpoint endpoint, FrozenDictionary<string, SoapOperation> operations, string? action)
    {
        _reader = reader;
        _version = version;
        _soap = version == EnvelopeVersion.Soap11 ? FaultBodyWriter.Soap11Namespace : FaultBodyWriter.Soap12Namespace;
        _endpoint = endpoint;
        _operations = operations;
        _action = action;
    }

    /// <summary>The request, with what its action, body or arguments are wrong with; throws <see cref="EnvelopeProblem"/>.</summary>
    /// <param name="action">The action the HTTP request names (SOAPAction, or the Content-Type's action), if any.</param>
    public static SoapRequest Read(
        BufferedEnvelope envelope, SoapEndpoint endpoint, FrozenDictionary<string, SoapOperation> operations, string? action, SoapLimitsOptions limits)
    {
        try
        {
            CheckEncoding(envelope);
            var text = TakeTextReader(envelope);
            // Not disposed: that would close the text reader, which TakeTextReader does when it has to.
            var reader = new GuardedXmlReader(text, limits);
            var request = new SoapRequestReader(reader, envelope.Version, endpoint, operations, action).ReadEnvelope();
            if (request.Problem is not null)
            {
                // A problem may have asked the reader for line numbers, which it keeps until it is closed.
                text.Close();
                t_namesRead = 0;
            }

            // Only a reader that read a request to its end is kept; one that threw is dropped.
            t_textReader = text;
            return request;
        }
        catch (Exception e) when (e is XmlException or ArgumentException or InvalidOperationException or FormatException)
        {
            // The text reader reports some malformed names with an ArgumentException.
            throw NotXml(e as XmlException ?? new XmlException(e.Message, e), envelope);
        }
    }

    /// <summary>
    /// The text reader for <paramref name="envelope"/>: the one this thread used last, set to the new input as WCF's
    /// encoders reuse theirs (<see cref="IXmlTextReaderInitializer"/>), else a new one. Reading is synchronous, so no
    /// other request can use it in between.
    /// </summary>
    /// <remarks>
    /// SetInput resets everything but the name table, which only closing the reader drops; building it costs 30 names
    /// and two arrays, half the reader's allocations. So it is kept from one request to the next while the bodies read
    /// with it add up to at most <see cref="NameTableBudget"/> bytes: a name takes at least a byte of the body, so the
    /// names of earlier requests can never bring a request to the quota it would not reach alone. Past the budget the
    /// reader is closed first, and starts afresh.
    /// </remarks>
    private static XmlDictionaryReader TakeTextReader(BufferedEnvelope envelope)
    {
        var text = t_textReader;
        t_textReader = null;
        if (text is null)
        {
            t_namesRead = envelope.Length;
            return XmlDictionaryReader.CreateTextReader(envelope.Buffer, 0, envelope.Length, envelope.Encoding, Quotas, onClose: null);
        }

        if (t_namesRead + envelope.Length > NameTableBudget)
        {
            text.Close();
            t_namesRead = 0;
        }

        t_namesRead += envelope.Length;
        ((IXmlTextReaderInitializer)text).SetInput(envelope.Buffer, 0, envelope.Length, envelope.Encoding, Quotas, onClose: null);
        return text;
    }

    /// <summary>
    /// The text reader that SoapCore and WCF read messages with (so values read as they always have) never resolves
    /// anything and refuses DTDs, but it replaces bytes that are not of the encoding instead of refusing them.
    /// </summary>
    private static void CheckEncoding(BufferedEnvelope envelope)
    {
        var body = envelope.Buffer.AsSpan(0, envelope.Length);
        var valid = envelope.Encoding is UTF8Encoding ? System.Text.Unicode.Utf8.IsValid(body) : IsValid(envelope.Encoding, body);
        if (!valid)
        {
            throw EnvelopeProblem.Malformed($"The request body is not valid {envelope.Encoding.WebName}.");
        }

        // Control characters other than tab and line ends are not XML 1.0 characters, and in UTF-8 they are single bytes.
        if (envelope.Encoding is UTF8Encoding && body.IndexOfAny(ForbiddenControls) is var at and >= 0)
        {
            throw EnvelopeProblem.Malformed($"The request contains the character U+{body[at]:X4}, which XML 1.0 does not allow, not even as a character reference.");
        }
    }

    private static bool IsValid(Encoding strict, ReadOnlySpan<byte> body)
    {
        try
        {
            strict.GetCharCount(body);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static EnvelopeProblem NotXml(XmlException e, BufferedEnvelope envelope) =>
        EnvelopeProblem.Malformed(XmlProblems.Describe(e, envelope.Encoding.GetString(envelope.Buffer, 0, envelope.Length)));

    private SoapRequest ReadEnvelope()
    {
        var reader = _reader;
        reader.MoveToContent();
        if (reader.LocalName != "Envelope")
        {
            throw EnvelopeProblem.Malformed($"The root element is <{reader.Name}>; a SOAP request is an Envelope.");
        }

        if (reader.NamespaceURI != _soap)
        {
            throw new EnvelopeProblem(SoapFaultCode.VersionMismatch,
                $"The Envelope's namespace is '{reader.NamespaceURI}', but the Content-Type asks for the one of {_soap}: send SOAP 1.1 ({FaultBodyWriter.Soap11Namespace}) as {SoapPipeline.Soap11MediaType} and SOAP 1.2 ({FaultBodyWriter.Soap12Namespace}) as {SoapPipeline.Soap12MediaType}.");
        }

        var headers = 0;
        var bodies = 0;
        if (!reader.IsEmptyElement)
        {
            reader.Read();
            while (reader.MoveToContent() != XmlNodeType.EndElement)
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    reader.Read();
                }
                else if (bodies > 0)
                {
                    throw EnvelopeProblem.Malformed(IsSoap("Header")
                        ? "The Header follows the Body; a SOAP envelope has its Header, if any, before the Body."
                        : IsSoap("Body")
                            ? "The envelope has more than one Body."
                            : $"<{Shorten(reader.Name)}> follows the Body; nothing may follow the Body of a SOAP envelope (WS-I Basic Profile R1011).");
                }
                else if (IsSoap("Header") && headers++ == 0)
                {
                    ReadHeader();
                }
                else if (IsSoap("Body"))
                {
                    bodies++;
                    ReadBody();
                }
                else
                {
                    reader.Skip();
                }
            }
        }

        while (reader.Read())
        {
        }

        if (bodies == 0)
        {
            Defer(OperationException.MalformedRequest("The envelope has no Body."));
        }

        return new SoapRequest(_operation, _arguments, _security, _deferred);
    }

    private static string Shorten(string name) => name.Length <= 64 ? name : name[..64] + "…";

    private bool IsSoap(string localName) => _reader.LocalName == localName && _reader.NamespaceURI == _soap;

    private void Defer(Exception problem) => _deferred ??= problem;

    private void ReadHeader()
    {
        var reader = _reader;
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return;
        }

        reader.Read();
        while (reader.MoveToContent() != XmlNodeType.EndElement)
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                reader.Read();
            }
            else if (reader.LocalName == "Security" && reader.NamespaceURI == UsernameTokenHeader.SecurityNamespace)
            {
                if (_security is not null)
                {
                    Defer(OperationException.MalformedRequest($"The request message could not be read: there is more than one wsse:Security header."));
                    reader.Skip();
                }
                else
                {
                    _security = (XElement)XNode.ReadFrom(reader);
                }
            }
            else if (MustUnderstandUnknown())
            {
                throw new EnvelopeProblem(SoapFaultCode.MustUnderstand,
                    $"The header {{{reader.NamespaceURI}}}{reader.LocalName} is marked mustUnderstand, and this service does not process it; the only header it understands is {{{UsernameTokenHeader.SecurityNamespace}}}Security.");
            }
            else
            {
                reader.Skip();
            }
        }

        reader.Read();
    }

    private bool MustUnderstandUnknown()
    {
        var mustUnderstand = _reader.GetAttribute("mustUnderstand", _soap)?.Trim();
        var role = _reader.GetAttribute(_version == EnvelopeVersion.Soap11 ? "actor" : "role", _soap)?.Trim();
        return mustUnderstand is "1" or "true" && (string.IsNullOrEmpty(role) || OurRoles.Contains(role));
    }

    private void ReadBody()
    {
        var reader = _reader;
        var empty = reader.IsEmptyElement;
        reader.Read();
        if (empty || reader.MoveToContent() == XmlNodeType.EndElement)
        {
            // Also what a SOAP 1.2 envelope looks like when read as SOAP 1.1 and the other way round.
            Defer(OperationException.MalformedRequest(
                $"The SOAP body is empty, or the envelope is not of the SOAP version its Content-Type says: {SoapPipeline.Soap11MediaType} is SOAP 1.1, {SoapPipeline.Soap12MediaType} is SOAP 1.2."));
        }
        else if (reader.NodeType != XmlNodeType.Element)
        {
            Defer(new XmlException($"The Body holds text where the operation element belongs."));
        }
        else if (_deferred is null && Dispatch() is { } operation)
        {
            _operation = operation;
            try
            {
                _arguments = ReadArguments(operation);
            }
            catch (Exception e) when (e is not EnvelopeProblem && !reader.Failed)
            {
                // Whatever goes wrong here is about the client's XML: reading is all that happens. A reader that failed
                // found XML that is not well-formed; that is the envelope's problem, thrown as such.
                Defer(e is XmlException or SerializationException or FormatException ? e : new XmlException(e.Message, e));
            }
        }

        // The rest of the body, up to its end tag (depth 1), still has to pass the reader's checks. Once the operation
        // element has been read, an element the reader now stands on is a second one, not the first left unread.
        var operationName = _arguments is null && reader.Depth == 2 && reader.NodeType == XmlNodeType.Element ? reader.Name : null;
        if (operationName is not null)
        {
            reader.Skip();
        }

        while (reader.Depth > 1 || reader.NodeType != XmlNodeType.EndElement)
        {
            if (reader.Depth == 2 && reader.NodeType == XmlNodeType.Element)
            {
                var first = operationName ?? _operation?.Name;
                var holds = first is null ? "" : $"<{Shorten(first)}> and ";
                throw EnvelopeProblem.Malformed(
                    $"The Body holds {holds}<{Shorten(reader.Name)}>; a request carries exactly one operation element (WS-I Basic Profile R9981).");
            }

            if (!reader.Read())
            {
                return;
            }
        }

        reader.Read();
    }

    /// <summary>The operation the action names (for SOAP 1.2 without one, the body's element), or null, with the problem deferred.</summary>
    private SoapOperation? Dispatch()
    {
        var action = _action;
        if (action is null && _version == EnvelopeVersion.Soap11)
        {
            Defer(OperationException.MalformedRequest(
                $"A SOAP 1.1 request needs a SOAPAction header naming the operation, as the soapAction values in {_endpoint.Path}?wsdl do."));
            return null;
        }

        // SOAP 1.2 makes the action optional: the body's wrapper element names the operation.
        action ??= _reader.NamespaceURI == _endpoint.Namespace && _endpoint.ActionsByOperation.TryGetValue(_reader.LocalName, out var known)
            ? known
            : $"{{{_reader.NamespaceURI}}}{_reader.LocalName}";
        if (!_operations.TryGetValue(action, out var operation))
        {
            Defer(OperationException.MalformedRequest(
                $"The action '{action}' is not an operation of {_endpoint.Name}; the operations and their actions are in {_endpoint.Path}?wsdl."));
        }

        return operation;
    }

    /// <summary>
    /// The arguments, matched by name in any order as SoapCore matches them: in the contract's namespace or in none,
    /// the first of each name counts, unknown elements are ignored, absent ones take their default.
    /// </summary>
    private object?[] ReadArguments(SoapOperation operation)
    {
        var reader = _reader;
        if (!reader.IsStartElement(operation.Name, operation.Namespace))
        {
            // Throws the XmlException that names both elements, as SoapCore's reader does.
            reader.ReadStartElement(operation.Name, operation.Namespace);
        }

        var parameters = operation.Parameters;
        var arguments = new object?[parameters.Count];
        var empty = reader.IsEmptyElement;
        reader.Read();
        var read = 0UL;
        while (!empty && reader.MoveToContent() != XmlNodeType.EndElement)
        {
            var index = reader.NodeType == XmlNodeType.Element ? IndexOf(parameters, reader.LocalName) : -1;
            var qualified = index >= 0 && reader.NamespaceURI == operation.Namespace;
            if (index < 0 || (read & (1UL << index)) != 0 || !(qualified || reader.NamespaceURI.Length == 0))
            {
                reader.Skip();
                continue;
            }

            read |= 1UL << index;
            var parameter = parameters[index];
            arguments[index] = parameter.FromText is { } fromText && !HasAttributes(reader)
                ? ReadText(parameter, fromText)
                : ReadThroughSerializer(parameter, qualified);
        }

        if (!empty)
        {
            reader.ReadEndElement();
        }

        for (var i = 0; i < arguments.Length; i++)
        {
            arguments[i] ??= parameters[i].Default;
        }

        return arguments;
    }

    /// <summary>
    /// A value read as the serializer would read it, straight from the request: the serializer reads a plain element of
    /// these types as its text, converted by <see cref="SoapParameter.FromText"/>, and reading it through an element
    /// tree and a second reader costs more than the rest of a small request.
    /// </summary>
    private object ReadText(SoapParameter parameter, Func<string, object> fromText)
    {
        var reader = _reader;
        var text = "";
        if (reader.IsEmptyElement)
        {
            reader.Read();
        }
        else
        {
            reader.Read();
            StringBuilder? joined = null;
            while (reader.NodeType != XmlNodeType.EndElement)
            {
                if (reader.NodeType == XmlNodeType.Element)
                {
                    throw EnvelopeProblem.Malformed(ElementsProblem(parameter, parameter.Type, inList: false, reader.LocalName));
                }

                if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)
                {
                    // Most values are one text node: no builder unless there are more (CDATA, comments in between).
                    if (text.Length == 0 && joined is null)
                    {
                        text = reader.Value;
                    }
                    else
                    {
                        (joined ??= new StringBuilder(text)).Append(reader.Value);
                    }
                }

                if (!reader.Read())
                {
                    // The text reader throws first on a document that ends inside an element; this only keeps the loop finite.
                    throw new XmlException($"The request ends inside <{Shorten(parameter.Name)}>.");
                }
            }

            reader.Read();
            text = joined?.ToString() ?? text;
        }

        if (!ValueTypes.IsXmlValue(text, parameter.Type))
        {
            throw EnvelopeProblem.Malformed(TextProblem(parameter, parameter.Type, inList: false, text));
        }

        return fromText(text);
    }

    /// <summary>Whether the element the reader is on has attributes other than namespace declarations (xsi:nil, xsi:type, ...), which only the serializer reads.</summary>
    private static bool HasAttributes(XmlReader reader)
    {
        if (reader.AttributeCount == 0)
        {
            return false;
        }

        var others = false;
        for (var i = 0; i < reader.AttributeCount && !others; i++)
        {
            reader.MoveToAttribute(i);
            others = reader.Prefix != "xmlns" && reader.LocalName != "xmlns";
        }

        reader.MoveToElement();
        return others;
    }

    private object? ReadThroughSerializer(SoapParameter parameter, bool qualified)
    {
        var element = WithoutLayout((XElement)XNode.ReadFrom(_reader));
        if (ValueProblem(element, parameter) is { } problem)
        {
            throw EnvelopeProblem.Malformed(problem);
        }

        using var value = element.CreateReader();
        return (qualified ? parameter.Serializer : parameter.UnqualifiedSerializer).ReadObject(XmlDictionaryReader.CreateDictionaryReader(value), verifyObjectName: true);
    }

    /// <summary>
    /// Whitespace between elements (an indented list, a structure) is layout, and the reader skips it as such; but an
    /// element's own reader hands it on as text, which the serializer refuses where it expects an item. Text alone in an
    /// element is a value and stays, blanks and all.
    /// </summary>
    private static XElement WithoutLayout(XElement argument)
    {
        if (argument.HasElements)
        {
            argument.DescendantNodesAndSelf().OfType<XText>()
                .Where(text => text.Parent is { HasElements: true } && string.IsNullOrWhiteSpace(text.Value))
                .ToList()
                .ForEach(text => text.Remove());
        }

        return argument;
    }

    /// <summary>An argument the contract types as a value (or a list of values) must hold text of that type, never elements.</summary>
    private static string? ValueProblem(XElement argument, SoapParameter parameter)
    {
        if (IsNil(argument))
        {
            return null;
        }

        if (parameter.ItemType is not { } itemType)
        {
            return ValueProblem(argument, parameter, parameter.Type, inList: false);
        }

        foreach (var item in argument.Elements())
        {
            if (!IsNil(item) && ValueProblem(item, parameter, itemType, inList: true) is { } problem)
            {
                return problem;
            }
        }

        return null;
    }

    private static string? ValueProblem(XElement value, SoapParameter parameter, Type type, bool inList)
    {
        if (FirstElement(value) is { } markup)
        {
            return ElementsProblem(parameter, type, inList, markup.Name.LocalName);
        }

        return ValueTypes.IsXmlValue(value.Value, type) ? null : TextProblem(parameter, type, inList, value.Value);
    }

    private static string ElementsProblem(SoapParameter parameter, Type type, bool inList, string found) => inList
        ? $"{parameter.Name} must hold {ValueTypes.Expected(type)} in each item, not elements (found <{Shorten(found)}>)."
        : $"{parameter.Name} must be {ValueTypes.Expected(type)}, not elements (found <{Shorten(found)}>).";

    private static string TextProblem(SoapParameter parameter, Type type, bool inList, string text)
    {
        var quoted = text.Length <= 64 ? text : text[..64] + "…";
        return inList
            ? $"{parameter.Name} must hold {ValueTypes.Expected(type)} in each item; '{quoted}' is not."
            : $"{parameter.Name} must be {ValueTypes.Expected(type)}; '{quoted}' is not.";
    }

    private static XElement? FirstElement(XElement parent)
    {
        for (var node = parent.FirstNode; node is not null; node = node.NextNode)
        {
            if (node is XElement element)
            {
                return element;
            }
        }

        return null;
    }

    private static bool IsNil(XElement element) => element.Attribute(Nil)?.Value.Trim() is "true" or "1";

    private static int IndexOf(IReadOnlyList<SoapParameter> parameters, string name)
    {
        for (var i = 0; i < parameters.Count; i++)
        {
            if (parameters[i].Name == name)
            {
                return i;
            }
        }

        return -1;
    }
}
