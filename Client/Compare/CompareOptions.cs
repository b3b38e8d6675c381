namespace TweetsSoap.Client.Compare;

/// <summary>What <c>compare</c> measures; parsed by hand so any command-line library can fill it instead.</summary>
public sealed record CompareOptions(Uri Url, int Concurrency, int Requests, string? Out)
{
    public static CompareOptions Parse(IReadOnlyList<string> args)
    {
        var url = new Uri("http://localhost:5000/");
        var concurrency = 8;
        var requests = 300;
        string? output = null;
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--url": url = new Uri(value.TrimEnd('/') + "/"); break;
                case "--concurrency": concurrency = Positive(args[i], value); break;
                case "--requests": requests = Positive(args[i], value); break;
                case "--out": output = value; break;
                default: throw new ArgumentException($"Unknown option {args[i]}; options are --url, --concurrency, --requests, --out.");
            }

            i++;
        }

        return new CompareOptions(url, concurrency, requests, output);
    }

    private static int Positive(string name, string value) =>
        int.TryParse(value, out var n) && n > 0 ? n : throw new ArgumentException($"{name} must be a positive whole number.");
}
