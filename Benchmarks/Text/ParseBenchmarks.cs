using BenchmarkDotNet.Attributes;
using TweetsSoap.Service.Domain.TweetText;

namespace TweetsSoap.Benchmarks.Text;

/// <summary>
/// Time and allocation of one parse as the service does it on every write (weighted length, validity, entities), for
/// a typical tweet and for a text of weight 280 with several entities. Both run in one process, side by side.
/// </summary>
public class ParseBenchmarks
{
    public const string Typical = "Shipped v2 of our SOAP API today 🎉 notes: https://example.com/blog/v2?ref=tw #dotnet #soap cc @grace $MSFT";

    private string _full = "";

    [GlobalSetup]
    public void Setup()
    {
        var text = "Reading list for the weekend: https://example.org/papers/lambda #functional #types, ask @ada or @grace. " +
            "日本語のメモ 👩‍💻 Also www.example.com/notes and $AAPL $MSFT. ";
        while (TwitterText.ParseLength(text + "x").WeightedLength <= 280)
        {
            text += "x";
        }

        _full = text;
        if (TwitterText.ParseLength(_full).WeightedLength != 280)
        {
            throw new InvalidOperationException("The long text must weigh 280.");
        }
    }

    [Benchmark(Baseline = true)]
    public ParsedTweet TypicalTweet() => TwitterText.Parse(Typical);

    [Benchmark]
    public ParsedTweet Weight280Text() => TwitterText.Parse(_full);
}
