using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace TweetsSoap.Service.Observability;

/// <summary>Metrics (OpenTelemetry, Prometheus format at <c>/metrics</c>, on with <c>Metrics:Enabled</c>) and the request log.</summary>
public static class ObservabilitySetup
{
    public const string MetricsPath = "/metrics";

    public static bool MetricsEnabled(IConfiguration configuration) => configuration.GetValue("Metrics:Enabled", false);

    /// <summary>The metrics (the store's registration wraps it in <see cref="MeteredStore{T}"/>) and the request log.</summary>
    public static IServiceCollection AddObservability(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddMetrics();
        services.AddEscapingConsoleFormatters();
        services.AddSingleton<ServiceMetrics>();
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
