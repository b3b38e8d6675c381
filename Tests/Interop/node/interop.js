// Drives the three TweetsSoap services with node-soap, as an integrator would: from ?wsdl alone.
// Usage: node interop.js <base address>. Calls every operation (authenticated ones with a WS-Security UsernameToken),
// reads a typed fault's detail, and prints the results as JSON. Exits non-zero naming the failing call otherwise.
'use strict';
const crypto = require('node:crypto');
const soap = require('soap');

const base = process.argv[2].replace(/\/$/, '');
const results = { ports: {}, calls: [], faults: [] };

async function open(service, version, credentials) {
  // node-soap writes SOAP 1.2 envelopes only when told to (the port alone does not switch it), and keeps that
  // option in a WSDL cache shared by every client of the same address: hence no cache.
  const client = await soap.createClientAsync(`${base}/${service}.svc?wsdl`, { forceSoap12Headers: version === 'Soap12', disableCache: true });
  if (credentials) {
    client.setSecurity(new soap.WSSecurity(credentials.username, credentials.password,
      { passwordType: 'PasswordText', hasTimeStamp: false, hasTokenCreated: false, hasNonce: false }));
  }
  results.ports[service] = Object.keys(client.describe()[service]).sort();
  const port = client[service][`${service}${version}`];
  return { client, version, service, port };
}

function invoke(proxy, operation, args) {
  return new Promise((resolve, reject) =>
    proxy.port[operation](args, (error, result) => (error ? reject(error) : resolve(result))));
}

async function call(proxy, operation, args = {}) {
  try {
    const result = await invoke(proxy, operation, args);
    results.calls.push({ service: proxy.service, operation, binding: proxy.version });
    return result;
  } catch (error) {
    throw new Error(`node-soap: ${proxy.service}.${operation} over ${proxy.version} failed: ${error.body ?? error.message}`);
  }
}

async function expectFault(proxy, operation, args = {}) {
  try {
    await invoke(proxy, operation, args);
  } catch (error) {
    const fault = error.root?.Envelope?.Body?.Fault;
    const detail = (fault?.detail ?? fault?.Detail)?.ServiceFault;
    if (!detail) throw new Error(`node-soap: ${proxy.service}.${operation} failed without a ServiceFault: ${error.body ?? error.message}`);
    results.faults.push({ service: proxy.service, operation, binding: proxy.version,
      faultCode: String(fault.faultcode ?? fault.Code?.Value), code: detail.Code, message: detail.Message,
      fields: list(detail.Fields?.string) });
    return;
  }
  throw new Error(`node-soap: ${proxy.service}.${operation} should have failed`);
}

// A list with one entry comes back as an object, not an array: node-soap cannot tell from the XML alone; an empty
// list comes back as null.
const list = (value) => (value == null ? [] : [].concat(value));

// The ids of a page's items (page.Users.User or page.Tweets.Tweet).
const ids = (page, item) => list(page[`${item}s`]?.[item]).map((entry) => entry.Id);

function check(condition, what) {
  if (!condition) throw new Error(`node-soap: unexpected result: ${JSON.stringify(what)}`);
}

const same = (actual, expected) => JSON.stringify(actual) === JSON.stringify(expected);
const noPaging = { maxResults: 10, pageToken: null };
const noRange = { sinceId: null, untilId: null };

async function main() {
  const suffix = crypto.randomBytes(4).toString('hex');
  const credentials = { username: `node${suffix}`, password: 'correct horse battery' };
  const friend = { username: `nodef${suffix}`, password: 'correct horse battery' };
  const anonymousUsers = await open('UserService', 'Soap11');
  const anonymousUsers12 = await open('UserService', 'Soap12');
  const users = await open('UserService', 'Soap11', credentials);
  const users12 = await open('UserService', 'Soap12', credentials);

  // Arguments in the order of the schema's xs:sequence: node-soap writes them in the object's key order.
  const signUp = async (proxy, who, firstName) => (await call(proxy, 'SignUp', {
    username: who.username, email: `${who.username}@example.org`, password: who.password,
    firstName, lastName: 'Soap', birthDate: '1990-01-02T00:00:00Z',
  })).SignUpResult;
  const user = await signUp(anonymousUsers, credentials, 'Node');
  const other = await signUp(anonymousUsers12, friend, 'Friend');
  const me = (await call(users, 'Login')).LoginResult;
  check(me.Id === user.Id && me.Email === `${credentials.username}@example.org`, me);
  await call(anonymousUsers, 'GetUser', { userId: user.Id });
  const listed = (await call(anonymousUsers, 'ListUsers', noPaging)).ListUsersResult;
  check(ids(listed, 'User').includes(user.Id), listed);
  // Arrays of primitives are wrappers around the serializer's item elements: { string: [...] }, { guid: [...] }.
  const found = (await call(anonymousUsers12, 'GetUsersByUsernames', { usernames: { string: [friend.username, `nobody_${suffix}`] } })).GetUsersByUsernamesResult;
  check(same(ids(found, 'User'), [other.Id]) && same(list(found.Problems?.LookupProblem).map((p) => p.Code), ['NotFound']), found);
  const updated = (await call(users12, 'UpdateUser', {
    userId: user.Id, username: null, email: null, password: null, firstName: null, lastName: 'Node', birthDate: null,
  })).UpdateUserResult;
  check(updated.LastName === 'Node', updated);

  const anonymousTweets = await open('TweetService', 'Soap11');
  const anonymousTweets12 = await open('TweetService', 'Soap12');
  const tweets = await open('TweetService', 'Soap11', credentials);
  const tweets12 = await open('TweetService', 'Soap12', credentials);
  const friendTweets = await open('TweetService', 'Soap11', friend);
  const friendTweets12 = await open('TweetService', 'Soap12', friend);
  const posted = (await call(tweets, 'PostTweet', { text: 'Hello from node-soap 🟩 #interop', inReplyToTweetId: null, quotedTweetId: null })).PostTweetResult;
  check(posted.Author.Username === credentials.username && list(posted.Entities.Hashtags?.TextEntity)[0]?.Value === 'interop', posted);
  const reply = (await call(friendTweets12, 'PostTweet', { text: 'Welcome, node-soap', inReplyToTweetId: posted.Id, quotedTweetId: posted.Id })).PostTweetResult;
  check(reply.ConversationId === posted.Id && reply.InReplyToTweetId === posted.Id && reply.QuotedTweetId === posted.Id, reply);
  await call(tweets12, 'GetTweet', { tweetId: posted.Id });
  const missing = crypto.randomUUID();
  const batch = (await call(anonymousTweets, 'GetTweets', { tweetIds: { guid: [posted.Id, reply.Id, missing] } })).GetTweetsResult;
  check(same(ids(batch, 'Tweet'), [posted.Id, reply.Id]) && same(list(batch.Problems?.LookupProblem).map((p) => p.Value), [missing]), batch);
  const page = (await call(anonymousTweets, 'ListTweets', { authorId: user.Id, ...noPaging })).ListTweetsResult;
  check(same(ids(page, 'Tweet'), [posted.Id]), page);
  const timeline = (await call(anonymousTweets12, 'GetUserTimeline', { userId: other.Id, ...noPaging, ...noRange })).GetUserTimelineResult;
  check(same(ids(timeline, 'Tweet'), [reply.Id]), timeline);
  const thread = (await call(anonymousTweets, 'GetConversation', { conversationId: posted.Id, ...noPaging })).GetConversationResult;
  check(same(ids(thread, 'Tweet'), [reply.Id, posted.Id]), thread);
  const search = (await call(anonymousTweets12, 'SearchTweets', { query: `#interop from:${credentials.username}`, ...noPaging, ...noRange })).SearchTweetsResult;
  check(same(ids(search, 'Tweet'), [posted.Id]), search);

  const anonymousSocial = await open('SocialService', 'Soap11');
  const anonymousSocial12 = await open('SocialService', 'Soap12');
  const social = await open('SocialService', 'Soap11', friend);
  const social12 = await open('SocialService', 'Soap12', friend);
  const followed = (await call(social, 'Follow', { userId: user.Id })).FollowResult;
  check(followed.FollowersCount === 1, followed);
  const home = (await call(friendTweets, 'GetHomeTimeline', { ...noPaging, ...noRange })).GetHomeTimelineResult;
  check(same(ids(home, 'Tweet'), [reply.Id, posted.Id]), home);
  const userIds = async (proxy, operation, args) => ids((await call(proxy, operation, { ...args, ...noPaging }))[`${operation}Result`], 'User');
  check(same(await userIds(anonymousSocial12, 'ListFollowers', { userId: user.Id }), [other.Id]), 'ListFollowers');
  check(same(await userIds(anonymousSocial, 'ListFollowing', { userId: other.Id }), [user.Id]), 'ListFollowing');
  check((await call(social12, 'Like', { tweetId: posted.Id })).LikeResult.Metrics.LikeCount === 1, 'Like');
  check(same(await userIds(anonymousSocial, 'ListLikingUsers', { tweetId: posted.Id }), [other.Id]), 'ListLikingUsers');
  const liked = (await call(anonymousSocial12, 'ListLikedTweets', { userId: other.Id, ...noPaging })).ListLikedTweetsResult;
  check(same(ids(liked, 'Tweet'), [posted.Id]), liked);
  check((await call(social, 'Retweet', { tweetId: posted.Id })).RetweetResult.Metrics.RetweetCount === 1, 'Retweet');
  check(same(await userIds(anonymousSocial12, 'ListRetweeters', { tweetId: posted.Id }), [other.Id]), 'ListRetweeters');
  check((await call(social12, 'Unlike', { tweetId: posted.Id })).UnlikeResult.Metrics.LikeCount === 0, 'Unlike');
  check((await call(social, 'UndoRetweet', { tweetId: posted.Id })).UndoRetweetResult.Metrics.RetweetCount === 0, 'UndoRetweet');
  check((await call(social12, 'Unfollow', { userId: user.Id })).UnfollowResult.FollowersCount === 0, 'Unfollow');

  const edited = (await call(tweets12, 'UpdateTweet', { tweetId: posted.Id, text: 'Edited by node-soap' })).UpdateTweetResult;
  check(edited.Text === 'Edited by node-soap' && edited.UpdatedAt, edited);
  await call(tweets, 'DeleteTweet', { tweetId: posted.Id });

  await expectFault(anonymousTweets, 'GetTweet', { tweetId: posted.Id });
  await expectFault(await open('UserService', 'Soap12'), 'Login');
  await expectFault(social12, 'Follow', { userId: other.Id });
  await call(users, 'DeleteUser', { userId: user.Id });

  console.log(JSON.stringify(results));
}

main().catch((error) => {
  console.error(error.message);
  process.exit(1);
});
