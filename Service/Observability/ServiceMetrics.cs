using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace TweetsSoap.Service.Observability;

/// <summary>
/// The service's own metrics, per operation and protocol. Any face of the service (SOAP here, JSON elsewhere)
/// calls <see cref="Record"/> once per request; names and tags are in README "Operating".
/// </summary>
public sealed class ServiceMetrics
{
    public const string MeterName = "TweetsSoap";

    /// <summary>Values of the <c>protocol</c> tag.</summary>
    public static class Protocols
    {
        public const string Soap11 = "soap11";
        public const string Soap12 = "soap12";
        public const string Json = "json";
    }

    // Seconds, as ASP.NET Core's own http.server.request.duration; without advice the SDK uses millisecond-sized buckets.
    private static readonly InstrumentAdvice<double> SecondsBuckets = new()
    {
        HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 10],
    };

    private readonly Counter<long> _requests;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _faults;
    private readonly Histogram<double> _storeDuration;

    public ServiceMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _requests = meter.CreateCounter<long>("tweetssoap.requests", "{request}", "Requests, by operation, protocol and outcome (ok or the fault code).");
        _duration = meter.CreateHistogram<double>("tweetssoap.request.duration", "s", "Time from reading the request to sending the response, by operation and protocol.", advice: SecondsBuckets);
        _faults = meter.CreateCounter<long>("tweetssoap.faults", "{fault}", "Faults sent, by operation, protocol and fault code.");
        _storeDuration = meter.CreateHistogram<double>("tweetssoap.store.duration", "s", "Duration of each storage call, by method and outcome.", advice: SecondsBuckets);
    }

    /// <summary>One request: <paramref name="faultCode"/> is the <c>ErrorCode</c> name of the fault sent, or null on success.</summary>
    public void Record(string operation, string protocol, TimeSpan duration, string? faultCode)
    {
        var tags = new TagList { { "operation", operation }, { "protocol", protocol } };
        _duration.Record(duration.TotalSeconds, tags);
        if (faultCode is not null)
        {
            var faultTags = tags;
            faultTags.Add("code", faultCode);
            _faults.Add(1, faultTags);
        }

        tags.Add("outcome", faultCode ?? "ok");
        _requests.Add(1, tags);
    }

    public void RecordStoreCall(string method, TimeSpan duration, bool failed) =>
        _storeDuration.Record(duration.TotalSeconds, new TagList { { "method", method }, { "outcome", failed ? "error" : "ok" } });
}
