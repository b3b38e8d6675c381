using System.Runtime.Serialization;

namespace TweetsSoap.Contracts;

/// <summary>The detail of every fault the services declare.</summary>
[DataContract(Namespace = Namespaces.V1)]
public sealed class ServiceFault
{
    /// <summary>What went wrong, for programs to branch on.</summary>
    [DataMember(Order = 1, IsRequired = true)]
    public ErrorCode Code { get; set; }

    /// <summary>What went wrong, for people to read.</summary>
    [DataMember(Order = 2, IsRequired = true)]
    public string Message { get; set; } = "";

    /// <summary>For <see cref="ErrorCode.ValidationFailed"/> and <see cref="ErrorCode.Conflict"/>: the request fields at fault.</summary>
    [DataMember(Order = 3, EmitDefaultValue = false)]
    public List<string>? Fields { get; set; }

    /// <summary>Identifies the request in the service's log; quote it when reporting a problem.</summary>
    [DataMember(Order = 4, EmitDefaultValue = false)]
    public string? CorrelationId { get; set; }

    /// <summary>For <see cref="ErrorCode.Throttled"/>: how many seconds to wait before trying again.</summary>
    [DataMember(Order = 5, EmitDefaultValue = false)]
    public int? RetryAfterSeconds { get; set; }
}

/// <summary>Machine-readable fault codes. On the wire, all but <see cref="InternalError"/> and <see cref="Unavailable"/> are
/// sent as SOAP 1.1 <c>Client</c> / SOAP 1.2 <c>Sender</c> faults; those two as <c>Server</c> / <c>Receiver</c>.</summary>
[DataContract(Namespace = Namespaces.V1)]
public enum ErrorCode
{
    /// <summary>A request field is missing, malformed or out of range; <see cref="ServiceFault.Fields"/> names it.</summary>
    [EnumMember] ValidationFailed,

    /// <summary>The user or tweet named in the request does not exist.</summary>
    [EnumMember] NotFound,

    /// <summary>The username or email is already taken; <see cref="ServiceFault.Fields"/> names which.</summary>
    [EnumMember] Conflict,

    /// <summary>The operation needs a WS-Security UsernameToken, and none was sent or it did not match a user.</summary>
    [EnumMember] Unauthenticated,

    /// <summary>The caller is authenticated but may not change this user or tweet.</summary>
    [EnumMember] Forbidden,

    /// <summary>The request message itself could not be understood (not well-formed, wrong element, wrong action).</summary>
    [EnumMember] MalformedRequest,

    /// <summary>An unexpected error on the server; <see cref="ServiceFault.CorrelationId"/> finds it in the log.</summary>
    [EnumMember] InternalError,

    /// <summary>Too many failed logins for this account or from this address; <see cref="ServiceFault.RetryAfterSeconds"/> says when to try again.</summary>
    [EnumMember] Throttled,

    /// <summary>The service cannot reach its database right now. Retry later; a write may or may not have happened,
    /// so retry creating operations with the same <c>clientRequestId</c>.</summary>
    [EnumMember] Unavailable,
}
