using System.Reflection;
using System.Runtime.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using TweetsSoap.Contracts;
using TweetsSoap.Service.Help;
using TweetsSoap.Service.Rest;

namespace TweetsSoap.Service.OpenApi;

/// <summary>
/// Describes the bodies with the contract's docs: data contract types and their members, request bodies by the
/// parameters of the operation they carry, and the problem by <see cref="ServiceFault"/>'s members.
/// </summary>
public sealed class SchemaDocs : IOpenApiSchemaTransformer
{
    /// <summary>The RFC 9457 members; the others are <see cref="ServiceFault"/>'s and take its docs.</summary>
    private static readonly Dictionary<string, string> ProblemMembers = new(StringComparer.Ordinal)
    {
        [nameof(Problem.Type)] = "A URI naming the problem type: the contract namespace, `/problems/` and the code.",
        [nameof(Problem.Title)] = "A short summary of the problem type, the same for every occurrence.",
        [nameof(Problem.Status)] = "The HTTP status code, repeated.",
        [nameof(Problem.Detail)] = "What went wrong this time, for people to read: the fault's `Message`.",
    };

    private static ContractDocs Docs => ContractDocs.Shared;

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (schema.Type is { } kind && kind.HasFlag(JsonSchemaType.Integer) && kind.HasFlag(JsonSchemaType.String))
        {
            // The web defaults read "20" as 20, but the service writes numbers, and clients should send them.
            schema.Type = kind & ~JsonSchemaType.String;
            schema.Pattern = null;
        }

        var type = context.JsonTypeInfo.Type;
        if (context.JsonPropertyInfo is { } property)
        {
            if (type.IsEnum)
            {
                // An enum's schema becomes the shared component: it gets the enum's docs, the property's go on the reference.
                DescribeEnum(schema, type);
            }
            else
            {
                schema.Description ??= NullIfEmpty(PropertyDoc(property));
            }

            return Task.CompletedTask;
        }

        if (type.IsEnum)
        {
            DescribeEnum(schema, type);
        }
        else if (type.GetCustomAttribute<DataContractAttribute>() is not null)
        {
            schema.Description = NullIfEmpty(DocText.Markdown(ContractDocs.Part(Docs.OfType(type), "summary")));
            schema.Required = new SortedSet<string>(
                context.JsonTypeInfo.Properties.Where(p => p.AttributeProvider is PropertyInfo info
                    && info.GetCustomAttribute<DataMemberAttribute>()?.IsRequired == true).Select(p => p.Name),
                StringComparer.Ordinal);
        }
        else if (type.GetCustomAttribute<ArgumentsOfAttribute>() is { } arguments)
        {
            var operation = ContractOperation.Of(arguments.Contract, arguments.Operation).Model;
            var required = operation.Parameters.Where(p => !p.Optional).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
            schema.Required = new SortedSet<string>(context.JsonTypeInfo.Properties.Select(p => p.Name).Where(required.Contains), StringComparer.Ordinal);
        }
        else if (type == typeof(Problem))
        {
            schema.Description = "An RFC 9457 problem, extended with the members of the contract's `ServiceFault`: "
                + DocText.Markdown(ContractDocs.Part(Docs.OfType(typeof(ServiceFault)), "summary"));
            schema.Required = new SortedSet<string>(["type", "title", "status", "detail", "code"], StringComparer.Ordinal);
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// A member whose type is a shared component is written as a <c>$ref</c>; its own doc goes beside it (OpenAPI 3.1
    /// allows that), once the components exist.
    /// </summary>
    public static void DescribeReferences(OpenApiDocument document)
    {
        var types = typeof(ServiceFault).Assembly.GetTypes().Concat(typeof(Problem).Assembly.GetTypes().Where(t => t.Namespace == typeof(Problem).Namespace))
            .Where(t => t.IsPublic).GroupBy(t => t.Name).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var (id, schema) in document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>())
        {
            if (!types.TryGetValue(id, out var type) || type.GetCustomAttribute<DataContractAttribute>() is null)
            {
                continue;
            }

            foreach (var (name, member) in schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
            {
                if (member is OpenApiSchemaReference reference
                    && type.GetProperties().FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)) is { } property)
                {
                    reference.Description = NullIfEmpty(DocText.Markdown(ContractDocs.Part(Docs.OfProperty(property), "summary")));
                }
            }
        }
    }

    /// <summary>The enum's summary and a line per value: the same text the help pages' type tables show.</summary>
    private static void DescribeEnum(OpenApiSchema schema, Type type) =>
        schema.Description = DocText.Markdown(ContractDocs.Part(Docs.OfType(type), "summary")) + string.Concat(Enum.GetNames(type).Select(name =>
            $"\n- `{name}`: {DocText.Markdown(ContractDocs.Part(Docs.OfEnumValue(type, name), "summary"))}"));

    public static string PropertyDoc(JsonPropertyInfo property)
    {
        var declaring = property.DeclaringType;
        if (property.AttributeProvider is PropertyInfo info && declaring.GetCustomAttribute<DataContractAttribute>() is not null)
        {
            return DocText.Markdown(ContractDocs.Part(Docs.OfProperty(info), "summary"));
        }

        if (declaring.GetCustomAttribute<ArgumentsOfAttribute>() is { } arguments)
        {
            return ContractOperation.Of(arguments.Contract, arguments.Operation).ParameterDoc(property.Name);
        }

        if (declaring == typeof(Problem) && property.AttributeProvider is PropertyInfo member)
        {
            return ProblemMembers.GetValueOrDefault(member.Name)
                ?? (typeof(ServiceFault).GetProperty(member.Name) is { } fault ? DocText.Markdown(ContractDocs.Part(Docs.OfProperty(fault), "summary")) : "");
        }

        return "";
    }

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;
}
