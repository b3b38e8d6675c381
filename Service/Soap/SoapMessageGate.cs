using System.ServiceModel;
using System.ServiceModel.Channels;
using Microsoft.Net.Http.Headers;
using SoapCore.Extensibility;
using TweetsSoap.Service.Identity;
using TweetsSoap.Service.Requests;

namespace TweetsSoap.Service.Soap;

/// <summary>
/// Runs for every SOAP message before the operation: pins the action to one the contract declares (SoapCore
/// would otherwise match any action that merely contains an operation's name) and reads the caller's
/// WS-Security credentials.
/// </summary>
public sealed class SoapMessageGate : ISoapMessageProcessor
{
    public Task<Message> ProcessMessage(Message message, HttpContext context, Func<Message, Task<Message>> next)
    {
        var endpoint = SoapEndpoint.Find(context.Request.Path, out _)
            ?? throw new InvalidOperationException($"No SOAP endpoint is mapped at {context.Request.Path}.");

        if (message.IsEmpty)
        {
            // Also what a SOAP 1.2 envelope looks like when read as SOAP 1.1 and the other way round.
            throw Faults.MalformedRequest(
                $"The SOAP body is empty, or the envelope is not of the SOAP version its Content-Type says: {SoapRequestGuard.Soap11MediaType} is SOAP 1.1, {SoapRequestGuard.Soap12MediaType} is SOAP 1.2.");
        }

        var action = RequestedAction(context.Request, message.Version.Envelope);
        if (action is null && message.Version.Envelope == EnvelopeVersion.Soap11)
        {
            throw Faults.MalformedRequest(
                $"A SOAP 1.1 request needs a SOAPAction header naming the operation, as the soapAction values in {endpoint.Path}?wsdl do.");
        }

        if (action is null)
        {
            // SOAP 1.2 makes the action optional: the body's wrapper element names the operation.
            (message, action) = ActionOfBody(message, endpoint);
        }

        if (!endpoint.Actions.Contains(action))
        {
            throw Faults.MalformedRequest(
                $"The action '{action}' is not an operation of {endpoint.Name}; the operations and their actions are in {endpoint.Path}?wsdl.");
        }

        if (RequestOutcome.Of(context) is { } outcome)
        {
            outcome.Operation = endpoint.ActionsByOperation.First(o => o.Value == action).Key;
        }

        // SoapCore matches actions loosely (any action containing an operation's name); hand it the exact one.
        context.Request.Headers["SOAPAction"] = action;
        var credentials = CallerOf(context);
        if (UsernameTokenHeader.Read(message, credentials) is { } security
            && SecurityTimestamp.Problem(security, context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow()) is { } stale)
        {
            context.RequestServices.GetRequiredService<SecurityLog>().CredentialsRefused(credentials.ClientAddress, stale, credentials.CorrelationId);
            throw Faults.Unauthenticated(stale);
        }

        return AnswerAsync(message, context, next);
    }

    /// <summary>The request's credentials, which the request context has already told where the request came from.</summary>
    public static RequestCredentials CallerOf(HttpContext context) => context.RequestServices.GetRequiredService<RequestCredentials>();

    private static async Task<Message> AnswerAsync(Message message, HttpContext context, Func<Message, Task<Message>> next)
    {
        var response = await next(message);
        if (response is not null)
        {
            SecurityTimestampHeader.AddWhenAsked(message, response, context.RequestServices.GetRequiredService<TimeProvider>());
        }

        return response!;
    }

    private static (Message Message, string Action) ActionOfBody(Message message, SoapEndpoint endpoint)
    {
        var buffer = message.CreateBufferedCopy(int.MaxValue);
        using var peek = buffer.CreateMessage();
        using var body = peek.GetReaderAtBodyContents();
        var action = body.NamespaceURI == endpoint.Namespace && endpoint.ActionsByOperation.TryGetValue(body.LocalName, out var known)
            ? known
            : $"{{{body.NamespaceURI}}}{body.LocalName}";
        return (buffer.CreateMessage(), action);
    }

    /// <summary>The SOAPAction header (SOAP 1.1) or the action parameter of the Content-Type (SOAP 1.2), unquoted.</summary>
    public static string? RequestedAction(HttpRequest request, EnvelopeVersion envelope)
    {
        string? action;
        if (envelope == EnvelopeVersion.Soap11)
        {
            action = request.Headers["SOAPAction"].FirstOrDefault();
        }
        else
        {
            MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType);
            action = contentType?.Parameters.FirstOrDefault(p => p.Name.Equals("action", StringComparison.OrdinalIgnoreCase))?.Value.ToString()
                ?? request.Headers["SOAPAction"].FirstOrDefault();
        }

        action = action?.Trim().Trim('"');
        return string.IsNullOrEmpty(action) ? null : action;
    }
}
