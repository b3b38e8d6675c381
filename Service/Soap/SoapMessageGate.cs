using System.ServiceModel;
using System.ServiceModel.Channels;
using Microsoft.Net.Http.Headers;
using SoapCore.Extensibility;
using TweetsSoap.Service.Identity;

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

        var action = RequestedAction(context.Request, message.Version);
        if (action is not null)
        {
            if (!endpoint.Actions.Contains(action))
            {
                throw Faults.MalformedRequest(
                    $"The action '{action}' is not an operation of {endpoint.Name}; the operations and their actions are in {endpoint.Path}?wsdl.");
            }

            context.Request.Headers["SOAPAction"] = action;
        }
        else if (message.Version.Envelope == EnvelopeVersion.Soap11)
        {
            throw Faults.MalformedRequest(
                $"A SOAP 1.1 request needs a SOAPAction header naming the operation, as the soapAction values in {endpoint.Path}?wsdl do.");
        }

        UsernameTokenHeader.Read(message, context.RequestServices.GetRequiredService<RequestCredentials>());
        return next(message);
    }

    /// <summary>The SOAPAction header (SOAP 1.1) or the action parameter of the Content-Type (SOAP 1.2), unquoted.</summary>
    private static string? RequestedAction(HttpRequest request, MessageVersion version)
    {
        string? action;
        if (version.Envelope == EnvelopeVersion.Soap11)
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
