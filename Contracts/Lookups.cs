using System.Runtime.Serialization;

namespace TweetsSoap.Contracts;

/// <summary>The answer to a batch lookup of tweets: those found, in the order asked, and a problem for each one not found.</summary>
[DataContract(Namespace = Namespaces.V1)]
public sealed class TweetLookup
{
    /// <summary>The tweets found, in the order of the request; each at most once.</summary>
    [DataMember(Order = 1, IsRequired = true)]
    public List<Tweet> Tweets { get; set; } = [];

    /// <summary>One entry per requested id that was not found.</summary>
    [DataMember(Order = 2, IsRequired = true)]
    public List<LookupProblem> Problems { get; set; } = [];
}

/// <summary>The answer to a batch lookup of users: those found, in the order asked, and a problem for each one not found.</summary>
[DataContract(Namespace = Namespaces.V1)]
public sealed class UserLookup
{
    /// <summary>The users found, in the order of the request; each at most once.</summary>
    [DataMember(Order = 1, IsRequired = true)]
    public List<User> Users { get; set; } = [];

    /// <summary>One entry per requested username that was not found or is not a valid username.</summary>
    [DataMember(Order = 2, IsRequired = true)]
    public List<LookupProblem> Problems { get; set; } = [];
}

/// <summary>Why one item of a batch lookup is missing from the answer; the rest of the batch is unaffected.</summary>
[DataContract(Namespace = Namespaces.V1)]
public sealed class LookupProblem
{
    /// <summary>The id or username as requested.</summary>
    [DataMember(Order = 1, IsRequired = true)]
    public string Value { get; set; } = "";

    /// <summary><see cref="ErrorCode.NotFound"/> or <see cref="ErrorCode.ValidationFailed"/>.</summary>
    [DataMember(Order = 2, IsRequired = true)]
    public ErrorCode Code { get; set; }

    /// <summary>What is wrong, for people to read.</summary>
    [DataMember(Order = 3, IsRequired = true)]
    public string Message { get; set; } = "";
}
