namespace TweetsSoap.Service.Rest;

/// <summary>
/// The contract operation a route runs, named as the SOAP face names it, so metrics and the request log put both
/// faces of one operation under one name.
/// </summary>
public sealed partial record RestOperation(string Service, string Operation)
{
    public static RestOperation? Of(HttpContext context) => context.GetEndpoint()?.Metadata.GetMetadata<RestOperation>();

    /// <summary>The routes that run each operation, as <c>METHOD /path</c> with the route constraints left out.</summary>
    public static ILookup<RestOperation, string> Routes(EndpointDataSource endpoints) =>
        endpoints.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<RestOperation>() is not null)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).SelectMany(method =>
            {
                var route = $"{method} {Constraint().Replace(e.RoutePattern.RawText ?? "", "}")}";
                var runs = e.Metadata.GetMetadata<RestOperation>()!;
                // A query list can make the route run another operation (GET /tweets?ids=... is GetTweets).
                return e.Metadata.GetOrderedMetadata<ListQuery>().Where(l => l.Operation != runs.Operation)
                    .Select(l => (Operation: runs with { Operation = l.Operation }, Route: $"{route}?{l.Name}=..."))
                    .Prepend((Operation: runs, Route: route));
            }))
            .ToLookup(r => r.Operation, r => r.Route);

    [System.Text.RegularExpressions.GeneratedRegex(@":[a-z]+\}")]
    private static partial System.Text.RegularExpressions.Regex Constraint();
}

public static class RestOperationExtensions
{
    /// <summary>Tags the route with <typeparamref name="TContract"/>'s operation; pass it with <c>nameof</c> so a renamed operation breaks the build.</summary>
    public static RouteHandlerBuilder Runs<TContract>(this RouteHandlerBuilder route, string operation) =>
        route.WithMetadata(new RestOperation(typeof(TContract).Name.TrimStart('I'), operation));
}
