using TweetsSoap.Contracts;

namespace TweetsSoap.Service.Rest;

/// <summary>The HTTP face of each <see cref="ErrorCode"/>: the status and the RFC 9457 problem a JSON client gets.</summary>
public static class Problems
{
    public const string MediaType = "application/problem+json";

    /// <summary>Problem types live under the contract's namespace, like the SOAP fault subcodes.</summary>
    public static string TypeOf(ErrorCode code) => $"{Namespaces.V1}/problems/{code}";

    public static int StatusOf(ErrorCode code) => code switch
    {
        ErrorCode.ValidationFailed => StatusCodes.Status422UnprocessableEntity,
        ErrorCode.MalformedRequest => StatusCodes.Status400BadRequest,
        ErrorCode.Unauthenticated => StatusCodes.Status401Unauthorized,
        ErrorCode.Forbidden => StatusCodes.Status403Forbidden,
        ErrorCode.NotFound => StatusCodes.Status404NotFound,
        ErrorCode.Conflict => StatusCodes.Status409Conflict,
        ErrorCode.Throttled => StatusCodes.Status429TooManyRequests,
        ErrorCode.Unavailable => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };

    public static string TitleOf(ErrorCode code) => code switch
    {
        ErrorCode.ValidationFailed => "A request field is missing, malformed or out of range.",
        ErrorCode.MalformedRequest => "The request could not be read.",
        ErrorCode.Unauthenticated => "The operation needs valid credentials.",
        ErrorCode.Forbidden => "The caller may not change this resource.",
        ErrorCode.NotFound => "The resource does not exist.",
        ErrorCode.Conflict => "A unique value is already taken.",
        ErrorCode.Throttled => "Too many failed logins; try again later.",
        ErrorCode.Unavailable => "The service cannot reach its database right now; retry shortly.",
        _ => "The service could not complete the request.",
    };

    public static Problem From(ServiceFault fault) =>
        new(TypeOf(fault.Code), TitleOf(fault.Code), StatusOf(fault.Code), fault.Message, fault.Code, fault.Fields, fault.CorrelationId, fault.RetryAfterSeconds);

    public static Task WriteAsync(HttpContext context, Problem problem)
    {
        var response = context.Response;
        response.StatusCode = problem.Status;
        if (problem.Code == ErrorCode.Unauthenticated)
        {
            response.Headers.WWWAuthenticate = BasicCredentials.Challenge;
        }

        if (problem.RetryAfterSeconds is { } seconds)
        {
            response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return response.WriteAsJsonAsync(problem, RestJson.Default.Problem, MediaType);
    }
}
