namespace TweetsSoap.Service.Operations;

/// <summary>
/// The cancellation of the call an operation serves. The contracts' methods take no token, so the request's
/// (<c>HttpContext.RequestAborted</c>, handed over for both faces by <c>RequestContextMiddleware</c>) reaches the
/// operations through the request's scope. Reads stop when the client hangs up; writes never take it, so a write
/// that has begun ends in its commit or its own failure, never in an outcome the client cannot learn (see
/// docs/architecture.md). Outside a request it is never cancelled.
/// </summary>
public sealed class CallCancellation
{
    public CancellationToken Token { get; set; }
}
