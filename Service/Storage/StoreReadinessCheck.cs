using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TweetsSoap.Service.Storage;

/// <summary>
/// Ready means the database answers within the connect timeout and has every migration this build ships. A load
/// balancer polling <c>/readyz</c> then stops sending requests to an instance that could only answer <c>Unavailable</c>.
/// </summary>
public sealed class StoreReadinessCheck(IStoreSchema schema) : IHealthCheck
{
    public const string Tag = "ready";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await schema.CheckReadyAsync(cancellationToken) is { } problem
                ? HealthCheckResult.Unhealthy(problem)
                : HealthCheckResult.Healthy();
        }
        catch (StoreUnavailableException)
        {
            return HealthCheckResult.Unhealthy("the database is unreachable");
        }
    }
}
