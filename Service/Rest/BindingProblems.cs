using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Metadata;
using TweetsSoap.Service.Domain;

namespace TweetsSoap.Service.Rest;

/// <summary>
/// Says in the contract's words why a JSON request could not be bound to its route: "sinceId must be a UUID", "the
/// body must be a JSON object with the members …". The binder's and the JSON reader's own messages name .NET types
/// ("Nullable&lt;Guid&gt;", "TweetsSoap.Service.Rest.PostTweetRequest"), which tell a client nothing and an attacker
/// which stack answers.
/// </summary>
public static class BindingProblems
{
    public static string Describe(HttpContext context, Exception exception)
    {
        var request = context.Request;
        var endpoint = context.GetEndpoint();
        var bodyType = endpoint?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
        if (exception is BadHttpRequestException { StatusCode: StatusCodes.Status415UnsupportedMediaType })
        {
            return $"Send the body as application/json; the Content-Type was '{request.ContentType}'.";
        }

        if (exception is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
        {
            return "The body is larger than this service accepts.";
        }

        if ((exception as JsonException ?? exception.InnerException as JsonException) is { } json)
        {
            return DescribeJson(json, bodyType);
        }

        if (endpoint?.Metadata.GetMetadata<MethodInfo>() is { } handler && QueryProblem(request, handler) is { } query)
        {
            return query;
        }

        return bodyType is not null
            ? $"The body must be {ObjectWith(bodyType)}."
            : $"The request does not fit {request.Method} {request.Path}: check its query values.";
    }

    private static string DescribeJson(JsonException json, Type? bodyType)
    {
        // The reader's own errors (bad syntax) come wrapped; a value of the wrong type does not.
        if (json.InnerException is JsonException)
        {
            return $"The body is not valid JSON (line {json.LineNumber + 1}, byte {json.BytePositionInLine + 1}).";
        }

        if (bodyType is null || json.Path is null or "$")
        {
            return bodyType is null ? "The body is not what this route takes." : $"The body must be {ObjectWith(bodyType)}.";
        }

        var member = json.Path.StartsWith("$.", StringComparison.Ordinal) ? json.Path[2..] : json.Path;
        var property = bodyType.GetProperties().FirstOrDefault(p => string.Equals(JsonName(p), member, StringComparison.Ordinal));
        return property is null
            ? $"The body must be {ObjectWith(bodyType)}; the value at {json.Path} has the wrong type."
            : $"{member} must be {Expected(property.PropertyType)}.";
    }

    private static string? QueryProblem(HttpRequest request, MethodInfo handler)
    {
        foreach (var parameter in handler.GetParameters())
        {
            if (parameter.Name is { } name
                && request.Query.TryGetValue(name, out var values)
                && values.Any(v => !ValueTypes.IsXmlValue(v ?? "", parameter.ParameterType)))
            {
                return $"{name} must be {Expected(parameter.ParameterType)}.";
            }
        }

        return null;
    }

    private static string ObjectWith(Type bodyType) =>
        $"a JSON object with the members {string.Join(", ", bodyType.GetProperties().Select(JsonName))}";

    private static string JsonName(PropertyInfo property) => JsonNamingPolicy.CamelCase.ConvertName(property.Name);

    private static string Expected(Type type) => type == typeof(string) ? "a string" : ValueTypes.Expected(type);
}
