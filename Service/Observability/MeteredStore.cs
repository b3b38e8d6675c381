using System.Diagnostics;
using System.Reflection;

namespace TweetsSoap.Service.Observability;

/// <summary>
/// Times every call of a storage interface. A proxy rather than a hand-written decorator, so methods added to the
/// interface are measured without anyone remembering to.
/// </summary>
public class MeteredStore<T> : DispatchProxy where T : class
{
    private T _inner = null!;
    private ServiceMetrics _metrics = null!;

    public static T Wrap(T inner, ServiceMetrics metrics)
    {
        var proxy = Create<T, MeteredStore<T>>();
        var metered = (MeteredStore<T>)(object)proxy;
        metered._inner = inner;
        metered._metrics = metrics;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        var start = Stopwatch.GetTimestamp();
        object? result;
        try
        {
            result = targetMethod!.Invoke(_inner, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            _metrics.RecordStoreCall(targetMethod!.Name, Stopwatch.GetElapsedTime(start), failed: true);
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerException);
            throw;
        }

        if (result is Task task)
        {
            // The caller awaits the very same task; the measurement rides along when it completes.
            task.ContinueWith(
                t => _metrics.RecordStoreCall(targetMethod.Name, Stopwatch.GetElapsedTime(start), t.IsFaulted),
                CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
        else
        {
            _metrics.RecordStoreCall(targetMethod.Name, Stopwatch.GetElapsedTime(start), failed: false);
        }

        return result;
    }
}
