using System.ServiceModel.Channels;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using SoapCore;
using TweetsSoap.Contracts;
using TweetsSoap.Service.Domain;
using TweetsSoap.Service.Help;
using TweetsSoap.Service.Identity;
using TweetsSoap.Service.Observability;
using TweetsSoap.Service.OpenApi;
using TweetsSoap.Service.Operations;
using TweetsSoap.Service.Requests;
using TweetsSoap.Service.Rest;
using TweetsSoap.Service.Soap;
using TweetsSoap.Service.Soap.Faults;
using TweetsSoap.Service.Soap.Pipeline;
using TweetsSoap.Service.Soap.Xml;
using TweetsSoap.Service.Storage;
using TweetsSoap.Service.Wsdl;

namespace TweetsSoap.Service;

/// <summary>The service's wiring: what <c>Program</c> and the tests' fixture both build.</summary>
public static class TweetsSoapHost
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddTweetsSoap(builder.Configuration, builder.Environment);
        var app = builder.Build();
        app.UseTweetsSoap();
        return app;
    }

    public static IServiceCollection AddTweetsSoap(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddTweetStore(configuration, environment);

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<Clock>();
        services.AddSingleton<IPasswordHasher<UserRecord>, PasswordHasher<UserRecord>>();
        services.AddScoped<RequestCredentials>();
        services.AddOptions<CredentialOptions>().Bind(configuration.GetSection(CredentialOptions.Section));
        services.AddSingleton<VerificationCache>();
        services.AddSingleton<LoginThrottle>();
        services.AddSingleton<NonceLedger>();
        services.AddHostedService<LoginLedgerSweeper>();
        services.AddSingleton<SecurityLog>();
        services.AddScoped<Authenticator>();
        services.AddScoped<CallCancellation>();
        services.AddScoped<IUserService, UserService>();
        services.AddScoped<ITweetService, TweetService>();
        services.AddScoped<ISocialService, SocialService>();

        services.AddHttpContextAccessor();
        services.AddOptions<SoapLimitsOptions>().Bind(configuration.GetSection(SoapLimitsOptions.Section));
        services.AddSingleton<EnvelopeLog>();
        services.AddTrustedProxies(configuration);
        // Which server answers is of use to an attacker choosing exploits, and to nobody else.
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(o => o.AddServerHeader = false);
        services.AddSingleton<FailureClassifier>();
        services.AddSingleton<SoapFaultTransformer>();
        services.AddSoapCore();
        services.AddTweetsRest();
        services.AddTweetsOpenApi();
        services.AddObservability(configuration);
        return services;
    }

    public static WebApplication UseTweetsSoap(this WebApplication app)
    {
        app.Services.GetRequiredService<IStoreSchema>().Migrate();
        // Liveness runs no check: a database outage must not make an orchestrator restart healthy processes.
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains(StoreReadinessCheck.Tag) });

        app.UseRequestContext();
        app.UseObservability();
        // Help pages first: a GET of a service address without a query is for people, not for SoapCore.
        app.UseMiddleware<HelpPages>();
        app.UseMiddleware<SoapPipeline>();
        // SoapCore serves only the WSDL: SoapPipeline answers every other request to a SOAP address.
        app.UseMiddleware<WsdlMiddleware>();
        foreach (var endpoint in SoapEndpoint.All)
        {
            ((IApplicationBuilder)app).UseSoapEndpoint(endpoint.Contract, options => ConfigureSoapCore(options, endpoint));
        }

        app.UseTweetsRest();
        app.MapTweetsOpenApi();
        return app;
    }

    /// <summary>SoapCore's options for <paramref name="endpoint"/>: what its WSDL says (and, in the differential test, how it answers).</summary>
    public static void ConfigureSoapCore(SoapCoreOptions options, SoapEndpoint endpoint)
    {
        options.Path = endpoint.Path;
        options.SoapSerializer = SoapSerializer.DataContractSerializer;
        // Distinct binding and port names per SOAP version: with SoapCore's default both would be
        // BasicHttpBinding_<Contract>, which wsimport rejects and zeep silently collapses to one port.
        options.EncoderOptions =
        [
            Encoder(MessageVersion.Soap11, $"{endpoint.Name}Soap11"),
            Encoder(MessageVersion.Soap12, $"{endpoint.Name}Soap12"),
        ];
        // Operations are reachable only as SOAP messages; SoapPipeline refuses the GET form too.
        options.HttpPostEnabled = false;
        options.HttpsPostEnabled = false;
        options.IndentXml = false;
        options.IndentWsdl = true;
    }

    private static SoapEncoderOptions Encoder(MessageVersion version, string name) => new()
    {
        MessageVersion = version,
        OverwriteResponseContentType = true,
        BindingName = $"{name}Binding",
        PortName = name,
        ReaderQuotas = SoapReaderQuotas.Create(),
    };
}
