using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using TweetsSoap.Contracts;

namespace TweetsSoap.Service.Rest;

/// <summary>
/// The JSON face: one route per contract operation (users and single tweets here, the social graph in
/// <see cref="SocialEndpoints"/>, timelines, search and lookups in <see cref="ReadEndpoints"/>), each a call into
/// the very implementation the SOAP endpoints dispatch to. Rules, faults and paging live there only.
/// </summary>
public static class RestEndpoints
{
    public static IServiceCollection AddTweetsRest(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(o =>
        {
            // The generated metadata serves these options; absent optional fields stay absent, as in the SOAP body.
            o.SerializerOptions.TypeInfoResolverChain.Insert(0, RestJson.Default);
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        });
        // Binding errors (bad JSON, a query value of the wrong type) reach RestGate, which answers with a problem.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return services;
    }

    public static WebApplication UseTweetsRest(this WebApplication app)
    {
        app.UseMiddleware<RestGate>();

        // The benchmark's ceiling: what this Kestrel answers when an endpoint does no work at all.
        app.MapGet("/ping", () => "pong");

        // Answers that carry tweets copy each cached tweet's kept JSON, as the SOAP face copies its XML.
        var api = app.MapGroup(RestGate.Prefix).AddEndpointFilter(TweetJson.Answers);
        api.MapPost("/signup", async Task<Created<User>> ([FromBody] SignUpRequest body, IUserService users) =>
        {
            var user = await users.SignUp(body.Username!, body.Email!, body.Password!, body.FirstName!, body.LastName!, body.BirthDate, body.ClientRequestId);
            return TypedResults.Created($"{RestGate.Prefix}/users/{user.Id}", user);
        }).Runs<IUserService>(nameof(IUserService.SignUp));
        api.MapPost("/login", (IUserService users) => users.Login()).Runs<IUserService>(nameof(IUserService.Login));
        api.MapGet("/users", (int? maxResults, string? pageToken, IUserService users) => users.ListUsers(maxResults, pageToken))
            .Runs<IUserService>(nameof(IUserService.ListUsers));
        api.MapGet("/users/{id:guid}", (Guid id, IUserService users) => users.GetUser(id)).Runs<IUserService>(nameof(IUserService.GetUser));
        api.MapPut("/users/{id:guid}", (Guid id, [FromBody] UpdateUserRequest body, IUserService users) =>
            users.UpdateUser(id, body.Username, body.Email, body.Password, body.FirstName, body.LastName, body.BirthDate))
            .Runs<IUserService>(nameof(IUserService.UpdateUser));
        api.MapDelete("/users/{id:guid}", async Task<NoContent> (Guid id, IUserService users) =>
        {
            await users.DeleteUser(id);
            return TypedResults.NoContent();
        }).Runs<IUserService>(nameof(IUserService.DeleteUser));

        api.MapGet("/tweets", ReadEndpoints.ListOrLookup).Runs<ITweetService>(nameof(ITweetService.ListTweets)).WithMetadata(ReadEndpoints.TweetIds);
        api.MapPost("/tweets", async Task<Created<Tweet>> ([FromBody] PostTweetRequest body, ITweetService tweets) =>
        {
            var tweet = await tweets.PostTweet(body.Text!, body.InReplyToTweetId, body.QuotedTweetId, body.ClientRequestId);
            return TypedResults.Created($"{RestGate.Prefix}/tweets/{tweet.Id}", tweet);
        }).Runs<ITweetService>(nameof(ITweetService.PostTweet));
        api.MapGet("/tweets/{id:guid}", (Guid id, ITweetService tweets) => tweets.GetTweet(id)).Runs<ITweetService>(nameof(ITweetService.GetTweet));
        api.MapPut("/tweets/{id:guid}", (Guid id, [FromBody] TweetTextRequest body, ITweetService tweets) => tweets.UpdateTweet(id, body.Text!))
            .Runs<ITweetService>(nameof(ITweetService.UpdateTweet));
        api.MapDelete("/tweets/{id:guid}", async Task<NoContent> (Guid id, ITweetService tweets) =>
        {
            await tweets.DeleteTweet(id);
            return TypedResults.NoContent();
        }).Runs<ITweetService>(nameof(ITweetService.DeleteTweet));

        api.MapSocial().MapReads();
        return app;
    }
}
