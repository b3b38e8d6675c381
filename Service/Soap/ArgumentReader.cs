using System.Collections.Frozen;
using System.Text;
using System.Xml;
using TweetsSoap.Service.Domain;

namespace TweetsSoap.Service.Soap;

/// <summary>
/// Checks the arguments of the operation element while <see cref="EnvelopeInspector"/>'s reader passes over them:
/// an argument the contract types as a value (or a list of values) must hold text of that type, never elements.
/// Elements that are not arguments of a known operation are left to the serializer, which ignores or refuses them.
/// </summary>
internal sealed class ArgumentReader(SoapEndpoint endpoint)
{
    private const string XmlSchemaInstance = "http://www.w3.org/2001/XMLSchema-instance";

    private readonly StringBuilder _text = new();
    private FrozenDictionary<string, Type>? _parameters;
    private int _operationDepth;
    private string? _field;
    private Type _argumentType = typeof(object);
    private Type? _itemType;
    private Type? _valueType;

    /// <summary>The reader is on the operation element: its arguments follow.</summary>
    public void Begin(XmlReader reader)
    {
        _parameters = reader.NamespaceURI == endpoint.Namespace && endpoint.ParameterTypes.TryGetValue(reader.LocalName, out var parameters)
            ? parameters
            : null;
        _operationDepth = reader.Depth;
    }

    /// <summary>Takes the reader's current node; returns what is wrong with an argument once that is known.</summary>
    public string? Read(XmlReader reader)
    {
        if (_parameters is null)
        {
            return null;
        }

        var depth = reader.Depth - _operationDepth;
        switch (reader.NodeType)
        {
            case XmlNodeType.Element when depth == 1:
                _field = null;
                _valueType = null;
                if (reader.NamespaceURI != endpoint.Namespace || !_parameters.TryGetValue(reader.LocalName, out var type) || IsNil(reader))
                {
                    return null;
                }

                _field = reader.LocalName;
                _argumentType = type;
                _itemType = ValueTypes.ItemType(type);
                return _itemType is null ? StartValue(reader, type) : null;

            case XmlNodeType.Element when depth == 2 && _field is not null:
                if (_itemType is null)
                {
                    return $"{_field} must be {ValueTypes.Expected(_argumentType)}, not elements (found <{EnvelopeInspector.Shorten(reader.Name)}>).";
                }

                _valueType = null;
                return IsNil(reader) ? null : StartValue(reader, _itemType);

            case XmlNodeType.Element when depth > 2 && _field is not null:
                return $"{_field} must hold {ValueTypes.Expected(_itemType ?? typeof(object))} in each item, not elements (found <{EnvelopeInspector.Shorten(reader.Name)}>).";

            case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace when _valueType is not null:
                _text.Append(reader.Value);
                return null;

            case XmlNodeType.EndElement when _valueType is not null && depth == (_itemType is null ? 1 : 2):
                return EndValue();

            case XmlNodeType.EndElement when depth == 0:
                _parameters = null;
                return null;

            default:
                return null;
        }
    }

    private string? StartValue(XmlReader reader, Type type)
    {
        _valueType = type;
        _text.Clear();
        return reader.IsEmptyElement ? EndValue() : null;
    }

    private string? EndValue()
    {
        var type = _valueType!;
        _valueType = null;
        var text = _text.ToString();
        if (ValueTypes.IsXmlValue(text, type))
        {
            return null;
        }

        var quoted = text.Length <= 64 ? text : text[..64] + "…";
        return _itemType is null
            ? $"{_field} must be {ValueTypes.Expected(type)}; '{quoted}' is not."
            : $"{_field} must hold {ValueTypes.Expected(type)} in each item; '{quoted}' is not.";
    }

    private static bool IsNil(XmlReader reader) => reader.GetAttribute("nil", XmlSchemaInstance)?.Trim() is "true" or "1";
}
