using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using TweetsSoap.Service.Storage;

namespace TweetsSoap.Service.Observability;

/// <summary>Metrics (OpenTelemetry, Prometheus format at <c>/metrics</c>, on with <c>Metrics:Enabled</c>) and the request log.</summary>
public static class ObservabilitySetup
{
    public const string MetricsPath = "/metrics";

    public static bool MetricsEnabled(IConfiguration configuration) => configuration.GetValue("Metrics:Enabled", false);

    /// <summary>Call after the store is registered: it is wrapped so every call is timed.</summary>
    public static IServiceCollection AddObservability(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddMetrics();
        services.AddEscapingConsoleFormatters();
        services.AddSingleton<ServiceMetrics>();
        var store = services.LastOrDefault(d => d.ServiceType == typeof(ITweetStore));
        if (store is not null)
        {
            services.Remove(store);
            services.Add(ServiceDescriptor.Describe(
                typeof(ITweetStore),
                sp => MeteredStore<ITweetStore>.Wrap(
                    (ITweetStore)(store.ImplementationFactory?.Invoke(sp) ?? ActivatorUtilities.CreateInstance(sp, store.ImplementationType!)),
                    sp.GetRequiredService<ServiceMetrics>()),
                store.Lifetime));
        }

        if (MetricsEnabled(configuration))
        {
            services.AddOpenTelemetry()
                .ConfigureResource(resource => resource.AddService("TweetsSoap"))
                .WithMetrics(metrics => metrics
                    .AddMeter(ServiceMetrics.MeterName)
                    .AddAspNetCoreInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddPrometheusExporter());
        }

        return services;
    }

    public static WebApplication UseObservability(this WebApplication app)
    {
        if (MetricsEnabled(app.Configuration))
        {
            app.UseOpenTelemetryPrometheusScrapingEndpoint(MetricsPath);
        }

        app.UseMiddleware<RequestTelemetry>();
        return app;
    }
}
