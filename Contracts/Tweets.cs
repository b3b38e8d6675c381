using System.Runtime.Serialization;

namespace TweetsSoap.Contracts;

/// <summary>A tweet with its author.</summary>
[DataContract(Namespace = Namespaces.V1)]
public sealed class Tweet
{
    /// <summary>Time-ordered UUID (version 7): later tweets have greater ids.</summary>
    [DataMember(Order = 1, IsRequired = true)]
    public Guid Id { get; set; }

    /// <summary>The text, 1 to 280 characters.</summary>
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
