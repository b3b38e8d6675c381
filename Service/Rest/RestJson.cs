using System.Text.Json;
using System.Text.Json.Serialization;
using TweetsSoap.Contracts;

namespace TweetsSoap.Service.Rest;

/// <summary>
/// Bodies of the JSON face, with serializers generated at build time: no reflection on the request path. The
/// responses are the contract's own types, so SOAP and JSON cannot drift apart in what they return.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(User))]
[JsonSerializable(typeof(UserPage))]
[JsonSerializable(typeof(Tweet))]
[JsonSerializable(typeof(TweetPage))]
[JsonSerializable(typeof(TweetLookup))]
[JsonSerializable(typeof(UserLookup))]
[JsonSerializable(typeof(SignUpRequest))]
[JsonSerializable(typeof(UpdateUserRequest))]
[JsonSerializable(typeof(TweetTextRequest))]
[JsonSerializable(typeof(PostTweetRequest))]
[JsonSerializable(typeof(Problem))]
public sealed partial class RestJson : JsonSerializerContext;

/// <summary>The arguments of <see cref="IUserService.SignUp"/>.</summary>
[ArgumentsOf(typeof(IUserService), nameof(IUserService.SignUp))]
public sealed record SignUpRequest(string? Username, string? Email, string? Password, string? FirstName, string? LastName, DateTime? BirthDate, string? ClientRequestId);

/// <summary>The arguments of <see cref="IUserService.UpdateUser"/> but the id, which is in the path; absent fields keep their value.</summary>
[ArgumentsOf(typeof(IUserService), nameof(IUserService.UpdateUser))]
public sealed record UpdateUserRequest(string? Username, string? Email, string? Password, string? FirstName, string? LastName, DateTime? BirthDate, string? ClientRequestId);

/// <summary>The text of an edited tweet.</summary>
[ArgumentsOf(typeof(ITweetService), nameof(ITweetService.UpdateTweet))]
public sealed record TweetTextRequest(string? Text);

/// <summary>The arguments of <see cref="ITweetService.PostTweet"/>.</summary>
[ArgumentsOf(typeof(ITweetService), nameof(ITweetService.PostTweet))]
public sealed record PostTweetRequest(string? Text, Guid? InReplyToTweetId, Guid? QuotedTweetId, string? ClientRequestId);

/// <summary>
/// An RFC 9457 problem: <c>type</c>, <c>title</c>, <c>status</c> and <c>detail</c> as the RFC defines them, plus the
/// contract's <see cref="ServiceFault"/> fields as extension members, so a JSON client branches on the same codes.
/// </summary>
public sealed record Problem(string Type, string Title, int Status, string Detail, ErrorCode Code, List<string>? Fields, string? CorrelationId, int? RetryAfterSeconds = null);
