using System.Runtime.Serialization;

namespace TweetsSoap.Contracts;

/// <summary>A user's public profile. <see cref="Email"/> and <see cref="BirthDate"/> are returned only to the user themselves.</summary>
[DataContract(Namespace = Namespaces.V1)]
public sealed class User
{
    /// <summary>Time-ordered UUID (version 7).</summary>
    [DataMember(Order = 1, IsRequired = true)]
    public Guid Id { get; set; }

    /// <summary>The unique handle: 1 to 15 letters, digits or underscores, unique regardless of case.</summary>
    [DataMember(Order = 2, IsRequired = true)]
    public string Username { get; set; } = "";

    /// <summary>Present only when the profile is the caller's own.</summary>
    [DataMember(Order = 3, EmitDefaultValue = false)]
    public string? Email { get; set; }

    /// <summary>1 to 50 characters.</summary>
    [DataMember(Order = 4, IsRequired = true)]
    public string FirstName { get; set; } = "";

    /// <summary>1 to 50 characters.</summary>
    [DataMember(Order = 5, IsRequired = true)]
    public string LastName { get; set; } = "";

    /// <summary>The date part only (time 00:00:00Z); present only when set and the profile is the caller's own.</summary>
    [DataMember(Order = 6, EmitDefaultValue = false)]
    public DateTime? BirthDate { get; set; }

    /// <summary>When the account was created (UTC).</summary>
    [DataMember(Order = 7, IsRequired = true)]
    public DateTime CreatedAt { get; set; }

    /// <summary>How many users follow this user.</summary>
    [DataMember(Order = 8, IsRequired = true)]
    public int FollowersCount { get; set; }

    /// <summary>How many users this user follows.</summary>
    [DataMember(Order = 9, IsRequired = true)]
    public int FollowingCount { get; set; }
}

/// <summary>One page of users, newest first.</summary>
[DataContract(Namespace = Namespaces.V1)]
public sealed class UserPage
{
    /// <summary>The users on this page; empty when there are none.</summary>
    [DataMember(Order = 1, IsRequired = true)]
    public List<User> Users { get; set; } = [];

    /// <summary>Pass as <c>pageToken</c> to get the next page; absent on the last page.</summary>
    [DataMember(Order = 2, EmitDefaultValue = false)]
    public string? NextPageToken { get; set; }
}
