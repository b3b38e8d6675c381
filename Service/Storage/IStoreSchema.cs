namespace TweetsSoap.Service.Storage;

/// <summary>What the host needs of a backend besides <see cref="ITweetStore"/>: creating its schema, and telling
/// a load balancer whether it can serve.</summary>
public interface IStoreSchema
{
    /// <summary>Creates the database objects and applies the migrations the database lacks. Idempotent, and safe
    /// when several instances start at once.</summary>
    void Migrate();

    /// <summary>Null when the database answers and has every migration this build ships; otherwise why not.</summary>
    Task<string?> CheckReadyAsync(CancellationToken cancellationToken);
}
