namespace TweetsSoap.Service.Rest;

/// <summary>
/// The contract operation a route runs, named as the SOAP face names it, so metrics and the request log put both
/// faces of one operation under one name.
/// </summary>
public sealed record RestOperation(string Service, string Operation)
{
    public static RestOperation? Of(HttpContext context) => context.GetEndpoint()?.Metadata.GetMetadata<RestOperation>();
}

public static class RestOperationExtensions
{
    /// <summary>Tags the route with <typeparamref name="TContract"/>'s operation; pass it with <c>nameof</c> so a renamed operation breaks the build.</summary>
    public static RouteHandlerBuilder Runs<TContract>(this RouteHandlerBuilder route, string operation) =>
        route.WithMetadata(new RestOperation(typeof(TContract).Name.TrimStart('I'), operation));
}
