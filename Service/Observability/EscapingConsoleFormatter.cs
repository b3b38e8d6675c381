using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace TweetsSoap.Service.Observability;

/// <summary>
/// The console's line formats (<c>simple</c>, the default, and <c>systemd</c>) with every control character of the
/// message written as an escape (<c>\n</c>, <c>\u0000</c>). Log messages quote what clients sent (usernames,
/// reasons, paths), and a line feed in a username would otherwise start a forged log line, a NUL or an escape
/// sequence reach whatever reads the log. Escaping at the formatter covers every message, including ones added
/// later; the JSON format needs no wrapper, as JSON already escapes control characters.
/// </summary>
public sealed class EscapingConsoleFormatter(string inner, IServiceProvider services) : ConsoleFormatter(inner + Suffix)
{
    public const string Suffix = "-escaped";

    private ConsoleFormatter? _inner;

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        _inner ??= services.GetServices<ConsoleFormatter>().First(f => f.Name == inner);
        var format = logEntry.Formatter;
        var escaped = new LogEntry<TState>(logEntry.LogLevel, logEntry.Category, logEntry.EventId, logEntry.State, logEntry.Exception,
            (state, exception) => Escape(format(state, exception)));
        _inner.Write(escaped, scopeProvider, textWriter);
    }

    public static string Escape(string text)
    {
        if (!text.Any(NeedsEscape))
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when NeedsEscape(c) => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }

    private static bool NeedsEscape(char c) => char.IsControl(c) || c is '\u2028' or '\u2029';
}

public static class EscapingConsoleLogging
{
    /// <summary>Puts the escaping wrappers in place of the console's line formats, whichever is configured.</summary>
    public static IServiceCollection AddEscapingConsoleFormatters(this IServiceCollection services)
    {
        foreach (var name in (string[])[ConsoleFormatterNames.Simple, ConsoleFormatterNames.Systemd])
        {
            services.AddSingleton<ConsoleFormatter>(sp => new EscapingConsoleFormatter(name, sp));
        }

        services.PostConfigure<ConsoleLoggerOptions>(options =>
        {
            var name = options.FormatterName ?? ConsoleFormatterNames.Simple;
            if (name is ConsoleFormatterNames.Simple or ConsoleFormatterNames.Systemd)
            {
                options.FormatterName = name + EscapingConsoleFormatter.Suffix;
            }
        });
        return services;
    }
}
