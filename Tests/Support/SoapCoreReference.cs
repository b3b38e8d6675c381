using System.Reflection;
using System.ServiceModel.Channels;
using System.Xml.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using SoapCore;
using SoapCore.Extensibility;
using TweetsSoap.Service;
using TweetsSoap.Service.Domain;
using TweetsSoap.Service.Identity;
using TweetsSoap.Service.Soap;
using TweetsSoap.Service.Soap.Faults;
using TweetsSoap.Service.Soap.Security;
using TweetsSoap.Service.Storage;

namespace TweetsSoap.Tests.Support;

/// <summary>
/// The reference the SOAP pipeline is compared with: the same contracts, services and store, answered by SoapCore's
/// own request path with SoapCore's defaults, on Kestrel over a fresh SQLite file. Two things are added: a message
/// processor that hands the WS-Security UsernameToken to the operations, without which no authenticated call could run,
/// and an invoker that throws the operations' failures as the declared faults the SOAP face makes of them, as a WCF
/// service would throw them itself.
/// </summary>
public sealed class SoapCoreReference : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _directory;

    private SoapCoreReference(WebApplication app, string directory, Uri baseAddress)
    {
        _app = app;
        _directory = directory;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static async Task<SoapCoreReference> StartAsync()
    {
        var directory = Directory.CreateTempSubdirectory("tweetssoap-reference-").FullName;
        var builder = WebApplication.CreateBuilder(["--urls=http://127.0.0.1:0", $"--Storage:SqlitePath={Path.Combine(directory, "tweets.db")}", "--Logging:LogLevel:Default=Warning"]);
        builder.Services.AddTweetsSoap(builder.Configuration, builder.Environment);
        builder.Services.AddSingleton<ISoapMessageProcessor, UsernameTokenProcessor>();
        builder.Services.AddSingleton<IOperationInvoker, DeclaredFaultInvoker>();
        var app = builder.Build();
        app.Services.GetRequiredService<IStoreSchema>().Migrate();
        foreach (var endpoint in SoapEndpoint.All)
        {
            ((IApplicationBuilder)app).UseSoapEndpoint(endpoint.Contract, options => TweetsSoapHost.ConfigureSoapCore(options, endpoint));
        }

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new SoapCoreReference(app, directory, new Uri(address.TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private sealed class UsernameTokenProcessor : ISoapMessageProcessor
    {
        public Task<Message> ProcessMessage(Message message, HttpContext context, Func<Message, Task<Message>> next)
        {
            var index = message.Headers.FindHeader("Security", UsernameTokenHeader.SecurityNamespace);
            if (index >= 0)
            {
                message.Headers.UnderstoodHeaders.Add(message.Headers[index]);
                using var reader = message.Headers.GetReaderAtHeader(index);
                var credentials = context.RequestServices.GetRequiredService<RequestCredentials>();
                credentials.CorrelationId = context.TraceIdentifier;
                UsernameTokenHeader.Read(XElement.Load(reader), credentials);
            }

            return next(message);
        }
    }

    private sealed class DeclaredFaultInvoker : IOperationInvoker
    {
        private readonly DefaultOperationInvoker _inner = new();

        public async Task<object> InvokeAsync(MethodInfo methodInfo, object instance, object[] inputs)
        {
            try
            {
                return await _inner.InvokeAsync(methodInfo, instance, inputs);
            }
            catch (OperationException failure)
            {
                throw SoapFaultTransformer.ToFaultException(failure);
            }
        }
    }
}
