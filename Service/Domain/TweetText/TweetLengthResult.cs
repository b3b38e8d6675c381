namespace TweetsSoap.Service.Domain.TweetText;

/// <summary>
/// What twitter-text's <c>parseTweet</c> says of a text. The ranges are inclusive UTF-16 indices of the text as given:
/// <see cref="ValidRangeEnd"/> is the last code unit that still fits the limit.
/// </summary>
public readonly record struct TweetLengthResult(
    int WeightedLength,
    bool Valid,
    int Permillage,
    int ValidRangeStart,
    int ValidRangeEnd,
    int DisplayRangeStart,
    int DisplayRangeEnd);
