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
using TweetsSoap.Contracts;
using TweetsSoap.Service;
using TweetsSoap.Service.Domain;
using TweetsSoap.Service.Identity;
using TweetsSoap.Service.Operations;
using TweetsSoap.Service.Soap;
using TweetsSoap.Service.Soap.Faults;
using TweetsSoap.Service.Soap.Security;
using TweetsSoap.Service.Storage;

namespace TweetsSoap.Tests.Support;

/// <summary>
/// The reference the SOAP pipeline is compared with: the same contracts, services and store, answered by SoapCore's
/// own request path with SoapCore's defaults, on Kestrel over a fresh SQLite file. Two things are added: a message
/// processor that hands the WS-Security UsernameToken to the operations, without which no authenticated call could run,
/// and a wrapper around each service that throws the operations' failures as the declared faults the SOAP face makes of
/// them, as a WCF service would throw them itself. (A SoapCore <c>IOperationInvoker</c> registered here was not always
/// the one SoapCore called when other test classes ran their hosts beside this one; the services are always this host's.)
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
        builder.Services.AddScoped(s => DeclaredFaults<IUserService>.Wrap(ActivatorUtilities.CreateInstance<UserService>(s)));
        builder.Services.AddScoped(s => DeclaredFaults<ITweetService>.Wrap(ActivatorUtilities.CreateInstance<TweetService>(s)));
        builder.Services.AddScoped(s => DeclaredFaults<ISocialService>.Wrap(ActivatorUtilities.CreateInstance<SocialService>(s)));
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

    /// <summary>A service whose calls end in <see cref="SoapFaultTransformer.ToFaultException"/> where they end in an <see cref="OperationException"/>.</summary>
    public class DeclaredFaults<T> : DispatchProxy where T : class
    {
        private static readonly MethodInfo TranslateResult = typeof(DeclaredFaults<T>).GetMethod(nameof(TranslatedResultAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

        private T _inner = null!;

        public static T Wrap(T inner)
        {
            var proxy = Create<T, DeclaredFaults<T>>();
            ((DeclaredFaults<T>)(object)proxy)._inner = inner;
            return proxy;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            var call = (Task)targetMethod!.Invoke(_inner, args)!;
            return targetMethod.ReturnType.IsGenericType
                ? TranslateResult.MakeGenericMethod(targetMethod.ReturnType.GetGenericArguments()).Invoke(null, [call])
                : TranslatedAsync(call);
        }

        private static async Task TranslatedAsync(Task call)
        {
            try
            {
                await call;
            }
            catch (OperationException failure)
            {
                throw SoapFaultTransformer.ToFaultException(failure);
            }
        }

        private static async Task<TResult> TranslatedResultAsync<TResult>(Task call)
        {
            try
            {
                return await (Task<TResult>)call;
            }
            catch (OperationException failure)
            {
                throw SoapFaultTransformer.ToFaultException(failure);
            }
        }
    }
}
