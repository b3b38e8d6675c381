using System.ServiceModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using TweetsSoap.Client.Soap;

namespace TweetsSoap.Client.Cli;

/// <summary>One CLI invocation: where to call, how, as whom, and how to print what comes back.</summary>
public sealed class Session(Uri baseUrl, SoapProtocol protocol, string? username, string? password, bool showXml, bool json, TextWriter output, TextWriter error)
{
    public const int Fault = 1;
    public const int Failure = 2;

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        // The generated types keep unknown elements for round trips; scripts have no use for them.
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { info => RemoveExtensionData(info) } },
    };

    private readonly EnvelopeRecorder _recorder = new();
    private readonly List<ICommunicationObject> _clients = [];

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
        _clients.Add(client);
        return client;
    }

    public TweetServiceClient Tweets()
    {
        var client = HasCredentials
            ? new TweetServiceClient(Address("TweetService.svc"), protocol, username!, password!)
            : new TweetServiceClient(Address("TweetService.svc"), protocol);
        client.Endpoint.EndpointBehaviors.Add(_recorder);
        _clients.Add(client);
        return client;
    }

    public SocialServiceClient Social()
    {
        var client = HasCredentials
            ? new SocialServiceClient(Address("SocialService.svc"), protocol, username!, password!)
            : new SocialServiceClient(Address("SocialService.svc"), protocol);
        client.Endpoint.EndpointBehaviors.Add(_recorder);
        _clients.Add(client);
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
            PrintEnvelopes();
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
            PrintEnvelopes();
            await error.WriteLineAsync($"error: {e.Message}");
            return Failure;
        }
        finally
        {
            CloseClients();
        }
    }

    /// <summary>The envelopes of the last call (with --xml), then the result as text or JSON.</summary>
    public void Print<T>(T? value, Action<TextWriter, T> print)
        where T : class
    {
        PrintEnvelopes();
        if (value is null)
        {
            return;
        }

        if (json)
        {
            output.WriteLine(JsonSerializer.Serialize(value, JsonOptions));
        }
        else
        {
            print(output, value);
        }
    }

    public void PrintPage<TItem>(Page<TItem> page, Action<TextWriter, TItem> print) => Print(page, (o, p) =>
    {
        foreach (var item in p.Items)
        {
            print(o, item);
        }

        o.WriteLine(p.Items.Count == 0 ? "(none)" : $"({p.Items.Count} shown)");
        if (p.NextPageToken is not null)
        {
            o.WriteLine($"next page: --page-token {p.NextPageToken}");
        }
    });

    /// <summary>For operations that answer nothing: a line of text, or <c>{"done": "..."}</c> with --json.</summary>
    public void PrintDone(string message) => Print(new Done(message), (o, d) => o.WriteLine(d.Message));

    /// <summary>Progress of a long walk, on stderr so that the output stays clean for scripts.</summary>
    public void Progress(string message) => error.WriteLine(message);

    private void PrintEnvelopes()
    {
        if (!showXml)
        {
            return;
        }

        output.WriteLine("--- request");
        output.WriteLine(_recorder.Request ?? "(none)");
        output.WriteLine("--- response");
        output.WriteLine(_recorder.Response ?? "(none)");
        output.WriteLine("---");
    }

    private void CloseClients()
    {
        foreach (var client in _clients)
        {
            try
            {
                client.Close();
            }
            catch (Exception e) when (e is CommunicationException or TimeoutException)
            {
                client.Abort();
            }
        }
    }

    private Uri Address(string service) => new(new Uri(baseUrl.AbsoluteUri.TrimEnd('/') + "/"), service);

    private static void RemoveExtensionData(JsonTypeInfo info)
    {
        for (var i = info.Properties.Count - 1; i >= 0; i--)
        {
            if (info.Properties[i].PropertyType == typeof(System.Runtime.Serialization.ExtensionDataObject))
            {
                info.Properties.RemoveAt(i);
            }
        }
    }

    private sealed record Done(string Message);
}
