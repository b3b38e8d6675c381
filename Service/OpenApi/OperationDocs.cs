using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using TweetsSoap.Service.Rest;

namespace TweetsSoap.Service.OpenApi;

/// <summary>
/// Names each route after the contract operation it runs and gives it that operation's doc text, parameter docs,
/// security and problems; the route table itself stays free of documentation.
/// </summary>
public sealed class OperationDocs : IOpenApiOperationTransformer
{
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var contract = ContractOperation.Of(metadata.OfType<RestOperation>().First());
        var lists = metadata.OfType<ListQuery>().ToList();
        var endpoint = contract.Endpoint;

        operation.OperationId = contract.Model.Name;
        operation.Summary = contract.Model.Name;
        operation.Description = DocText.Paragraphs(
            contract.Summary,
            contract.Remarks,
            $"SOAP face: `{endpoint.Name}.{contract.Model.Name}` at `{endpoint.Path}` ([help page]({endpoint.Path}#op-{contract.Model.Name}), [WSDL]({endpoint.Path}?wsdl)).",
            string.Concat(lists.Where(l => l.Operation != contract.Model.Name).Select(l =>
                $"With `{l.Name}` in the query, this route runs `{l.Operation}` instead and answers its result: {ContractOperation.Of(l.Contract, l.Operation).Summary}")));
        operation.Tags = new HashSet<OpenApiTagReference> { new(endpoint.Name, context.Document) };

        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            var name = ContractParameter(contract, parameter);
            parameter.Description = DocText.Paragraphs(contract.ParameterDoc(name), name == parameter.Name ? null : $"The contract's `{name}`.");
        }

        foreach (var list in lists)
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(ListParameter(list, required: list.Operation == contract.Model.Name));
        }

        if (operation.RequestBody is OpenApiRequestBody body)
        {
            body.Description = $"The arguments of `{contract.Model.Name}` as JSON; the ids are in the path.";
        }

        foreach (var (status, response) in operation.Responses?.Where(r => r.Key.StartsWith('2')) ?? [])
        {
            if (response is OpenApiResponse success)
            {
                success.Description = Success(contract, status, lists);
                if (lists.Any(l => l.Operation != contract.Model.Name) && success.Content is { } content && content.TryGetValue("application/json", out var json))
                {
                    json.Schema = new OpenApiSchema
                    {
                        OneOf = [.. new[] { contract }.Concat(lists.Select(l => ContractOperation.Of(l.Contract, l.Operation)))
                            .Select(o => (IOpenApiSchema)new OpenApiSchemaReference(o.Model.Result!.Name, context.Document))],
                    };
                }
            }
        }

        if (contract.NeedsCredentials)
        {
            operation.Security = [new() { [new OpenApiSecuritySchemeReference(DocumentDocs.BasicScheme, context.Document)] = [] }];
        }

        var parameters = operation.Parameters ?? [];
        await ProblemResponses.AddAsync(operation, context, contract,
            hasPathIds: parameters.Any(p => p.In == ParameterLocation.Path),
            hasBody: operation.RequestBody is not null,
            readsTypedQuery: parameters.Any(p => p.In == ParameterLocation.Query && IsTyped(p.Schema)),
            cancellationToken);
    }

    /// <summary>Whether a query value can fail to be read: anything but plain strings (numbers, ids, lists of ids).</summary>
    private static bool IsTyped(IOpenApiSchema? schema) =>
        schema?.Type == JsonSchemaType.Array ? IsTyped(schema.Items) : schema?.Type != JsonSchemaType.String || schema.Format is not null;

    private static string Success(ContractOperation contract, string status, List<ListQuery> lists) =>
        (contract.Model.Result is { } result ? $"`{contract.Model.Name}` answers a `{result.Name}`" : $"`{contract.Model.Name}` is done; no body")
        + string.Concat(lists.Where(l => l.Operation != contract.Model.Name).Select(l =>
            $", or with `{l.Name}`, `{l.Operation}` a `{ContractOperation.Of(l.Contract, l.Operation).Model.Result!.Name}`"))
        + (status == "201" ? "; `Location` is the new resource's address." : ".");

    /// <summary>The contract parameter a route parameter carries: the one of the same name, or, for a path's <c>id</c>, the first id.</summary>
    private static string ContractParameter(ContractOperation contract, OpenApiParameter parameter) =>
        contract.Model.Parameters.FirstOrDefault(p => p.Name == parameter.Name)?.Name
        ?? (parameter.In == ParameterLocation.Path ? contract.Model.Parameters.FirstOrDefault(p => p.Type == typeof(Guid))?.Name : null)
        ?? parameter.Name ?? "";

    private static OpenApiParameter ListParameter(ListQuery list, bool required)
    {
        var item = ContractOperation.Of(list.Contract, list.Operation).Model.Parameters.Single(p => p.Name == list.Parameter).Type.GenericTypeArguments[0];
        return new OpenApiParameter
        {
            Name = list.Name,
            In = ParameterLocation.Query,
            Required = required,
            Description = DocText.Paragraphs(
                ContractOperation.Of(list.Contract, list.Operation).ParameterDoc(list.Parameter),
                $"The contract's `{list.Parameter}` of `{list.Operation}`, comma-separated (`{list.Name}=a,b`) or repeated (`{list.Name}=a&{list.Name}=b`)."),
            Style = ParameterStyle.Form,
            Explode = false,
            Schema = new OpenApiSchema
            {
                Type = JsonSchemaType.Array,
                Items = item == typeof(Guid)
                    ? new OpenApiSchema { Type = JsonSchemaType.String, Format = "uuid" }
                    : new OpenApiSchema { Type = JsonSchemaType.String },
            },
            Example = item == typeof(Guid) ? new JsonArray("0195f1a0-7c3b-7d2e-9a41-5f0c2b8e1d77") : new JsonArray("grace", "ada"),
        };
    }
}
