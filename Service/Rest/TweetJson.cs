using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using TweetsSoap.Contracts;
using TweetsSoap.Service.Operations;

namespace TweetsSoap.Service.Rest;

/// <summary>
/// Writes a <see cref="Tweet"/> of the JSON face as the face's serializer writes it (a test compares them byte for
/// byte), serialized once per contract object and copied after: the mapping shares one contract object per stored
/// record until a write changes the tweet, so the kept JSON is exactly what serializing the object again would give.
/// The JSON twin of <see cref="Soap.Pipeline.TweetXml"/>, so both faces answer a page of cached tweets alike.
/// </summary>
public sealed class TweetJson : JsonConverter<Tweet>
{
    // What was kept for the options last written with (the face's; a copy of them would carry this converter along).
    private Kept? _kept;

    public override Tweet? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        JsonSerializer.Deserialize(ref reader, For(options).Plain);

    public override void Write(Utf8JsonWriter writer, Tweet value, JsonSerializerOptions options)
    {
        var kept = For(options);

        // A timeline's retweet entry is a fresh object per answer: keeping its JSON would only push out others.
        if (value.Retweet is not null)
        {
            JsonSerializer.Serialize(writer, value, kept.Plain);
            return;
        }

        if (!kept.Written.TryGet(value, value.Id, out var json))
        {
            json = JsonSerializer.SerializeToUtf8Bytes(value, kept.Plain);
            kept.Written.Set(value, value.Id, json);
        }

        writer.WriteRawValue(json, skipInputValidation: true);
    }

    private Kept For(JsonSerializerOptions options)
    {
        if (Volatile.Read(ref _kept) is { } kept && ReferenceEquals(kept.Options, options))
        {
            return kept;
        }

        // How a tweet is written the first time: these options without this converter.
        var plain = new JsonSerializerOptions(options);
        plain.Converters.Remove(this);
        kept = new Kept(options, (JsonTypeInfo<Tweet>)plain.GetTypeInfo(typeof(Tweet)), new IdentityCache<Tweet, byte[]>(4096));
        Volatile.Write(ref _kept, kept);
        return kept;
    }

    private sealed record Kept(JsonSerializerOptions Options, JsonTypeInfo<Tweet> Plain, IdentityCache<Tweet, byte[]> Written);
}
