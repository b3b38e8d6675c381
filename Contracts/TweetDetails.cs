using System.Runtime.Serialization;

namespace TweetsSoap.Contracts;

/// <summary>Public engagement counts of a tweet, exact at the time of reading.</summary>
[DataContract(Namespace = Namespaces.V1)]
public sealed class TweetMetrics
{
    /// <summary>How many users like the tweet.</summary>
    [DataMember(Order = 1, IsRequired = true)]
    public int LikeCount { get; set; }

    /// <summary>How many users retweeted it.</summary>
    [DataMember(Order = 2, IsRequired = true)]
    public int RetweetCount { get; set; }

    /// <summary>How many tweets reply to it directly.</summary>
    [DataMember(Order = 3, IsRequired = true)]
    public int ReplyCount { get; set; }

    /// <summary>How many tweets quote it.</summary>
    [DataMember(Order = 4, IsRequired = true)]
    public int QuoteCount { get; set; }
}

/// <summary>
/// What the text links to, exactly as Twitter's twitter-text 3.1.0 finds it (<c>extractEntitiesWithIndices</c>: where
/// two would overlap, the one that starts first). Positions count UTF-16 code units of <c>Text</c>, as twitter-text's do:
/// <c>Start</c> inclusive, <c>End</c> exclusive.
/// </summary>
[DataContract(Namespace = Namespaces.V1)]
public sealed class TweetEntities
{
    /// <summary>#hashtags; <c>Value</c> is without the <c>#</c>.</summary>
    [DataMember(Order = 1, IsRequired = true)]
    public List<TextEntity> Hashtags { get; set; } = [];

    /// <summary>@mentions; <c>Value</c> is the username without the <c>@</c>.</summary>
    [DataMember(Order = 2, IsRequired = true)]
    public List<TextEntity> Mentions { get; set; } = [];

    /// <summary>URLs, with or without a scheme, as written.</summary>
    [DataMember(Order = 3, IsRequired = true)]
    public List<TextEntity> Urls { get; set; } = [];

    /// <summary>$cashtags (a $ and 1 to 6 letters, optionally . or _ and 1 or 2 more); <c>Value</c> is without the <c>$</c>.</summary>
    [DataMember(Order = 4, IsRequired = true)]
    public List<TextEntity> Cashtags { get; set; } = [];
}

/// <summary>One hashtag, mention, URL or cashtag in a tweet's text.</summary>
[DataContract(Namespace = Namespaces.V1)]
public sealed class TextEntity
{
    /// <summary>Where it starts in the text (UTF-16 code units, from 0).</summary>
    [DataMember(Order = 1, IsRequired = true)]
    public int Start { get; set; }

    /// <summary>Where it ends in the text, exclusive.</summary>
    [DataMember(Order = 2, IsRequired = true)]
    public int End { get; set; }

    /// <summary>The hashtag, username, URL or cashtag.</summary>
    [DataMember(Order = 3, IsRequired = true)]
    public string Value { get; set; } = "";
}
