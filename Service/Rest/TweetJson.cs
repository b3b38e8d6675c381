using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using TweetsSoap.Contracts;
using TweetsSoap.Service.Operations;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace TweetsSoap.Service.Rest;

/// <summary>
/// Writes a <see cref="Tweet"/> of the JSON face as the face's serializer writes it (a test compares them byte for
/// byte), serialized once per contract object and copied after: the mapping shares one contract object per stored
/// record until a write changes the tweet, so the kept JSON is exactly what serializing the object again would give.
/// The JSON twin of <see cref="Soap.Pipeline.TweetXml"/>, so both faces answer a page of cached tweets alike.
/// </summary>
/// <remarks>
/// Not on the face's own options: a converter hides the type's shape from the OpenAPI generator, which reads those.
/// <see cref="Answers"/> writes the answers that carry tweets with a copy of them that has it.
/// </remarks>
/// <param name="face">The options it writes a tweet with the first time, which must not hold a TweetJson.</param>
public sealed class TweetJson(JsonSerializerOptions face) : JsonConverter<Tweet>
{
    // How a tweet is written the first time: the face's own options, which have no TweetJson.
    private readonly JsonTypeInfo<Tweet> _plain = (JsonTypeInfo<Tweet>)face.GetTypeInfo(typeof(Tweet));
    private readonly IdentityCache<Tweet, byte[]> _written = new(4096);

    public override Tweet? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        JsonSerializer.Deserialize(ref reader, _plain);

    public override void Write(Utf8JsonWriter writer, Tweet value, JsonSerializerOptions options)
    {
        // A timeline's retweet entry is a fresh object per answer: keeping its JSON would only push out others.
        if (value.Retweet is not null)
        {
            JsonSerializer.Serialize(writer, value, _plain);
            return;
        }

        if (!_written.TryGet(value, value.Id, out var json))
        {
            json = JsonSerializer.SerializeToUtf8Bytes(value, _plain);
            _written.Set(value, value.Id, json);
        }

        writer.WriteRawValue(json, skipInputValidation: true);
    }

    /// <summary>
    /// An endpoint filter for the JSON face: a <see cref="Tweet"/> or <see cref="TweetPage"/> answer (plain, in
    /// <see cref="Ok{TValue}"/> or in a <see cref="Results{TResult1, TResult2}"/> of one) is written with the face's
    /// options plus a <see cref="TweetJson"/>, everything else as the route says.
    /// </summary>
    public static async ValueTask<object?> Answers(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        await next(context) switch
        {
            Tweet tweet => new Answer(tweet),
            TweetPage page => new Answer(page),
            Ok<TweetPage> { Value: { } page } => new Answer(page),
            INestedHttpResult { Result: Ok<TweetPage> { Value: { } page } } => new Answer(page),
            var other => other,
        };

    /// <summary>A 200 answer written as the route would write it, with <see cref="WithTweetJson"/>'s options.</summary>
    private sealed class Answer(object value) : IResult
    {
        public Task ExecuteAsync(HttpContext context) =>
            context.Response.WriteAsJsonAsync(value, value.GetType(), WithTweetJson(context), "application/json; charset=utf-8");
    }

    // The face's options with a TweetJson, made once per host (a test process runs several).
    private static FaceOptions? _faceOptions;

    /// <summary>The JSON face's options of this host with a <see cref="TweetJson"/> added.</summary>
    public static JsonSerializerOptions WithTweetJson(HttpContext context) =>
        WithTweetJson(context.RequestServices.GetRequiredService<IOptions<HttpJsonOptions>>().Value.SerializerOptions);

    /// <summary>Options as <paramref name="face"/> with a <see cref="TweetJson"/> added, the same instance each time.</summary>
    public static JsonSerializerOptions WithTweetJson(JsonSerializerOptions face)
    {
        if (Volatile.Read(ref _faceOptions) is { } known && ReferenceEquals(known.Face, face))
        {
            return known.WithTweets;
        }

        var withTweets = new JsonSerializerOptions(face);
        withTweets.Converters.Add(new TweetJson(face));
        withTweets.MakeReadOnly();
        Volatile.Write(ref _faceOptions, new FaceOptions(face, withTweets));
        return withTweets;
    }

    private sealed record FaceOptions(JsonSerializerOptions Face, JsonSerializerOptions WithTweets);
}
