// Drives both TweetsSoap services with node-soap, as an integrator would: from ?wsdl alone.
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
      faultCode: String(fault.faultcode ?? fault.Code?.Value), code: detail.Code, message: detail.Message });
    return;
  }
  throw new Error(`node-soap: ${proxy.service}.${operation} should have failed`);
}

// A list with one entry comes back as an object, not an array: node-soap cannot tell from the XML alone.
const list = (value) => (value === undefined ? [] : [].concat(value));

function check(condition, what) {
  if (!condition) throw new Error(`node-soap: unexpected result: ${JSON.stringify(what)}`);
}

async function main() {
  const credentials = { username: `node${crypto.randomBytes(4).toString('hex')}`, password: 'correct horse battery' };
  const anonymousUsers = await open('UserService', 'Soap11');
  const users = await open('UserService', 'Soap11', credentials);
  const users12 = await open('UserService', 'Soap12', credentials);

  // Arguments in the order of the schema's xs:sequence: node-soap writes them in the object's key order.
  const signedUp = await call(anonymousUsers, 'SignUp', {
    username: credentials.username, email: `${credentials.username}@example.org`, password: credentials.password,
    firstName: 'Node', lastName: 'Soap', birthDate: '1990-01-02T00:00:00Z',
  });
  const user = signedUp.SignUpResult;
  const me = (await call(users, 'Login')).LoginResult;
  check(me.Id === user.Id && me.Email === `${credentials.username}@example.org`, me);
  await call(anonymousUsers, 'GetUser', { userId: user.Id });
  const listed = (await call(anonymousUsers, 'ListUsers', { maxResults: 5, pageToken: null })).ListUsersResult;
  check(list(listed.Users?.User).some((u) => u.Id === user.Id), listed);
  const updated = (await call(users12, 'UpdateUser', {
    userId: user.Id, username: null, email: null, password: null, firstName: null, lastName: 'Node', birthDate: null,
  })).UpdateUserResult;
  check(updated.LastName === 'Node', updated);

  const anonymousTweets = await open('TweetService', 'Soap11');
  const tweets = await open('TweetService', 'Soap11', credentials);
  const tweets12 = await open('TweetService', 'Soap12', credentials);
  const posted = (await call(tweets, 'PostTweet', { text: 'Hello from node-soap 🟩' })).PostTweetResult;
  check(posted.Author.Username === credentials.username, posted);
  await call(tweets12, 'GetTweet', { tweetId: posted.Id });
  const page = (await call(anonymousTweets, 'ListTweets', { authorId: user.Id, maxResults: 10, pageToken: null })).ListTweetsResult;
  check(list(page.Tweets?.Tweet).map((t) => t.Id).join() === posted.Id, page);
  const edited = (await call(tweets12, 'UpdateTweet', { tweetId: posted.Id, text: 'Edited by node-soap' })).UpdateTweetResult;
  check(edited.Text === 'Edited by node-soap' && edited.UpdatedAt, edited);
  await call(tweets, 'DeleteTweet', { tweetId: posted.Id });

  await expectFault(anonymousTweets, 'GetTweet', { tweetId: posted.Id });
  await expectFault(await open('UserService', 'Soap12'), 'Login');
  await call(users, 'DeleteUser', { userId: user.Id });

  console.log(JSON.stringify(results));
}

main().catch((error) => {
  console.error(error.message);
  process.exit(1);
});
