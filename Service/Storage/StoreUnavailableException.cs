namespace TweetsSoap.Service.Storage;

/// <summary>
/// The database could not be reached or did not answer in time. The request may succeed when retried; the fault
/// transformer answers it with an <c>Unavailable</c> fault that does not quote <paramref name="innerException"/>.
/// </summary>
public sealed class StoreUnavailableException(Exception innerException)
    : Exception("The tweet store is unavailable.", innerException);
