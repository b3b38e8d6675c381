using System.CommandLine;
using System.Globalization;

namespace TweetsSoap.Benchmarks.Harness;

/// <summary>Options several benchmarks share, with defaults sized for a 2-core machine.</summary>
internal static class CommonOptions
{
    public static Option<int> Rounds(int fallback) => Positive("--rounds", "Interleaved rounds; the table quotes medians over them", fallback);

    /// <summary>Seconds per case and round: <c>3</c> or <c>3s</c>, as wrk spells it.</summary>
    public static Option<int> Duration(int fallback) => new("--duration")
    {
        Description = "Seconds each case runs per round (3 or 3s)",
        DefaultValueFactory = _ => fallback,
        CustomParser = result =>
        {
            var text = result.Tokens.Single().Value;
            if (int.TryParse(text.EndsWith('s') ? text[..^1] : text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds > 0)
            {
                return seconds;
            }

            result.AddError($"--duration must be a whole number of seconds, such as 3 or 3s; got '{text}'.");
            return 0;
        },
    };

    public static Option<int> Positive(string name, string description, int fallback)
    {
        var option = new Option<int>(name) { Description = description, DefaultValueFactory = _ => fallback };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError($"{name} must be a positive whole number.");
            }
        });
        return option;
    }

    /// <summary><c>sqlite</c> (a fresh file) or <c>postgres</c> (a throwaway cluster on this machine).</summary>
    public static Option<string> Backend() => new Option<string>("--backend")
    {
        Description = "sqlite (a fresh file) or postgres (a throwaway cluster on this machine)",
        DefaultValueFactory = _ => "sqlite",
    }.AcceptOnlyFromAmong("sqlite", "postgres");
}
