using System.Runtime.Serialization;

namespace TweetsSoap.Contracts;

/// <summary>A tweet with its author.</summary>
[DataContract(Namespace = Namespaces.V1)]
public sealed class Tweet
{
    /// <summary>Time-ordered UUID (version 7): later tweets have greater ids.</summary>
    [DataMember(Order = 1, IsRequired = true)]
    public Guid Id { get; set; }

    /// <summary>The text as posted; its weighted length is 1 to 280.</summary>
    [DataMember(Order = 2, IsRequired = true)]
    public string Text { get; set; } = "";

    /// <summary>Who wrote it.</summary>
    [DataMember(Order = 3, IsRequired = true)]
    public TweetAuthor Author { get; set; } = new();

    /// <summary>When it was posted (UTC).</summary>
    [DataMember(Order = 4, IsRequired = true)]
    public DateTime CreatedAt { get; set; }

    /// <summary>When it was last edited (UTC); absent until the first edit.</summary>
    [DataMember(Order = 5, EmitDefaultValue = false)]
    public DateTime? UpdatedAt { get; set; }

    /// <summary>The weighted length of the text as Twitter's twitter-text 3.1.0 counts it: URLs 23, emoji and most non-Latin characters 2, the rest 1.</summary>
    [DataMember(Order = 6, IsRequired = true)]
    public int WeightedLength { get; set; }

    /// <summary>The id of the thread's first tweet; the tweet's own id when it is not a reply.</summary>
    [DataMember(Order = 7, IsRequired = true)]
    public Guid ConversationId { get; set; }

    /// <summary>The tweet this one replies to; absent when it is not a reply.</summary>
    [DataMember(Order = 8, EmitDefaultValue = false)]
    public Guid? InReplyToTweetId { get; set; }

    /// <summary>The tweet this one quotes; absent when it quotes none.</summary>
    [DataMember(Order = 9, EmitDefaultValue = false)]
    public Guid? QuotedTweetId { get; set; }

    /// <summary>How often it was liked, retweeted, replied to and quoted.</summary>
    [DataMember(Order = 10, IsRequired = true)]
    public TweetMetrics Metrics { get; set; } = new();

    /// <summary>Hashtags, mentions, URLs and cashtags found in the text, with their positions.</summary>
    [DataMember(Order = 11, IsRequired = true)]
    public TweetEntities Entities { get; set; } = new();

    /// <summary>
    /// On a user or home timeline only: present when the tweet is there because someone on the timeline retweeted
    /// it, saying who and when. Absent everywhere else. An optional last element added in December 2026 within the
    /// same namespace: clients built before it skip it and read the tweet as before.
    /// </summary>
    [DataMember(Order = 12, EmitDefaultValue = false)]
    public TimelineRetweet? Retweet { get; set; }
}

/// <summary>
/// Why a tweet is on a timeline although nobody on it wrote it: a retweet. A timeline shows each tweet once, at its
/// newest retweet by the timeline's people (or where it was posted, when none of them retweeted it).
/// </summary>
[DataContract(Namespace = Namespaces.V1)]
public sealed class TimelineRetweet
{
    /// <summary>Who retweeted the tweet onto this timeline.</summary>
    [DataMember(Order = 1, IsRequired = true)]
    public TweetAuthor RetweetedBy { get; set; } = new();

    /// <summary>When they retweeted it (UTC); the timeline is ordered by this time for this entry.</summary>
    [DataMember(Order = 2, IsRequired = true)]
    public DateTime RetweetedAt { get; set; }
}

/// <summary>The author of a tweet, as shown beside it.</summary>
[DataContract(Namespace = Namespaces.V1)]
public sealed class TweetAuthor
{
    /// <summary>The author's user id.</summary>
    [DataMember(Order = 1, IsRequired = true)]
    public Guid Id { get; set; }

    /// <summary>The author's handle.</summary>
    [DataMember(Order = 2, IsRequired = true)]
    public string Username { get; set; } = "";

    /// <summary>First and last name, as shown to readers.</summary>
    [DataMember(Order = 3, IsRequired = true)]
    public string DisplayName { get; set; } = "";
}

/// <summary>One page of tweets, newest first.</summary>
[DataContract(Namespace = Namespaces.V1)]
public sealed class TweetPage
{
    /// <summary>The tweets on this page; empty when there are none.</summary>
    [DataMember(Order = 1, IsRequired = true)]
    public List<Tweet> Tweets { get; set; } = [];

    /// <summary>Pass as <c>pageToken</c> to get the next page; absent on the last page.</summary>
    [DataMember(Order = 2, EmitDefaultValue = false)]
    public string? NextPageToken { get; set; }
}
