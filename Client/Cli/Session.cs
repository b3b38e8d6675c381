using System.ServiceModel;
using TweetsSoap.Client.Soap;

namespace TweetsSoap.Client.Cli;

/// <summary>One CLI invocation: where to call, how, as whom, and what to print around the call.</summary>
public sealed class Session(Uri baseUrl, SoapProtocol protocol, string? username, string? password, bool showXml, TextWriter output, TextWriter error)
{
    public const int Fault = 1;
    public const int Failure = 2;

    private readonly EnvelopeRecorder _recorder = new();

    public TextWriter Output => output;

    public bool HasCredentials => username is not null && password is not null;

    public string Username => username ?? "";

    public string Password => password ?? "";

    public UserServiceClient Users()
    {
        var client = HasCredentials
            ? new UserServiceClient(Address("UserService.svc"), protocol, username!, password!)
            : new UserServiceClient(Address("UserService.svc"), protocol);
        client.Endpoint.EndpointBehaviors.Add(_recorder);
        return client;
    }

    public TweetServiceClient Tweets()
    {
        var client = HasCredentials
            ? new TweetServiceClient(Address("TweetService.svc"), protocol, username!, password!)
            : new TweetServiceClient(Address("TweetService.svc"), protocol);
        client.Endpoint.EndpointBehaviors.Add(_recorder);
        return client;
    }

    /// <summary>Runs a call: 0 when it succeeds, <see cref="Fault"/> with the fault's code and message on a declared fault, <see cref="Failure"/> otherwise.</summary>
    public async Task<int> RunAsync(bool needsCredentials, Func<Task> call)
    {
        if (needsCredentials && !HasCredentials)
        {
            await error.WriteLineAsync("This command needs credentials: --username and --password, or TWEETSSOAP_USERNAME and TWEETSSOAP_PASSWORD.");
            return Failure;
        }

        try
        {
            await call();
            return 0;
        }
        catch (FaultException<ServiceFault> fault)
        {
            await PrintEnvelopesAsync();
            var detail = fault.Detail;
            var fields = detail.Fields is { Count: > 0 } ? $" (fields: {string.Join(", ", detail.Fields)})" : "";
            await error.WriteLineAsync($"fault {detail.Code}: {detail.Message}{fields}");
            if (detail.CorrelationId is not null)
            {
                await error.WriteLineAsync($"correlation id: {detail.CorrelationId}");
            }

            return Fault;
        }
        catch (Exception e) when (e is CommunicationException or TimeoutException)
        {
            await PrintEnvelopesAsync();
            await error.WriteLineAsync($"error: {e.Message}");
            return Failure;
        }
    }

    /// <summary>With --xml, the envelopes of the last call, before the readable result.</summary>
    public async Task PrintEnvelopesAsync()
    {
        if (!showXml)
        {
            return;
        }

        await output.WriteLineAsync("--- request");
        await output.WriteLineAsync(_recorder.Request ?? "(none)");
        await output.WriteLineAsync("--- response");
        await output.WriteLineAsync(_recorder.Response ?? "(none)");
        await output.WriteLineAsync("---");
    }

    private Uri Address(string service) => new(new Uri(baseUrl.AbsoluteUri.TrimEnd('/') + "/"), service);
}
