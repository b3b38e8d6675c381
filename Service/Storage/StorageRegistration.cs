using TweetsSoap.Service.Observability;
using TweetsSoap.Service.Storage.Postgres;
using TweetsSoap.Service.Storage.Sqlite;

namespace TweetsSoap.Service.Storage;

/// <summary>Registers the backend that <c>Storage:Provider</c> names, as <see cref="ITweetStore"/> (timed by <see cref="MeteredStore{T}"/>), <see cref="IStoreSchema"/> and <see cref="ILoginLedger"/>.</summary>
public static class StorageRegistration
{
    public static IServiceCollection AddTweetStore(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.Section))
            .PostConfigure(o => o.SqlitePath = Path.Combine(environment.ContentRootPath, o.SqlitePath));

        // Read here rather than through IOptions: they decide what is registered.
        var settings = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        var capacity = settings.TweetCacheCapacity;
        if (settings.Provider == StorageProvider.Postgres)
        {
            services.AddSingleton<PostgresDatabase>();
            services.AddSingleton<IStoreSchema>(s => s.GetRequiredService<PostgresDatabase>());
            if (capacity > 0)
            {
                // Other instances write the same database: the cache answers only while the listener hears of their writes.
                services.AddSingleton(s => new CachingTweetStore(ActivatorUtilities.CreateInstance<PostgresTweetStore>(s), capacity, answering: false));
                services.AddSingleton<ITweetStore>(s => Metered(s.GetRequiredService<CachingTweetStore>(), s));
                services.AddHostedService<PostgresTweetCacheListener>();
            }
            else
            {
                services.AddSingleton<ITweetStore>(s => Metered(ActivatorUtilities.CreateInstance<PostgresTweetStore>(s), s));
            }

            services.AddSingleton<ILoginLedger, PostgresLoginLedger>();
        }
        else
        {
            services.AddSingleton<SqliteConnectionFactory>();
            services.AddSingleton<IStoreSchema>(s => s.GetRequiredService<SqliteConnectionFactory>());
            services.AddSingleton<SqliteWriter>();
            services.AddSingleton<ITweetStore>(s =>
            {
                var store = ActivatorUtilities.CreateInstance<SqliteTweetStore>(s);
                return Metered(capacity > 0 ? new CachingTweetStore(store, capacity) : store, s);
            });
            // SQLite is one instance on one machine, so the login ledger can stay in the process.
            services.AddSingleton<ILoginLedger, InProcessLoginLedger>();
        }

        services.AddHealthChecks().AddCheck<StoreReadinessCheck>("store", tags: [StoreReadinessCheck.Tag]);
        return services;
    }

    /// <summary>The store as the operations see it, wrapped so that every call is timed (<see cref="ServiceMetrics"/>, registered by <c>AddObservability</c>).</summary>
    private static ITweetStore Metered(ITweetStore store, IServiceProvider services) =>
        MeteredStore<ITweetStore>.Wrap(store, services.GetRequiredService<ServiceMetrics>());
}
