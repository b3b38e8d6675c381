namespace TweetsSoap.Client.Compare;

/// <summary>What <c>compare</c> measures: where, how many callers at once, how many requests per face, where to write the report.</summary>
public sealed record CompareOptions(Uri Url, int Concurrency, int Requests, string? Out);
