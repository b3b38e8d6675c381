"""Drives the three TweetsSoap services with Python zeep, as an integrator would: from ?wsdl alone.

Usage: interop.py <base address>. Calls every operation (authenticated ones with a WS-Security
UsernameToken), over both bindings, reads a typed fault's detail, and prints the results as JSON.
Exits non-zero with the failing call's name when anything goes wrong.
"""
import datetime
import json
import sys
import uuid

from zeep import Client
from zeep.exceptions import Fault
from zeep.wsse.username import UsernameToken

NS = "http://tweetssoap.example/2026/11"
base = sys.argv[1].rstrip("/")
results = {"ports": {}, "calls": [], "faults": []}


def proxies(service, credentials=None):
    """One zeep client per WSDL; a service proxy per port, so both SOAP bindings are used."""
    client = Client(f"{base}/{service}.svc?wsdl", wsse=UsernameToken(*credentials) if credentials else None)
    ports = sorted(client.wsdl.services[service].ports)
    results["ports"][service] = ports
    return client, {port.removeprefix(service): client.bind(service, port) for port in ports}


def call(proxy, version, service, operation, **arguments):
    try:
        result = getattr(proxy[version], operation)(**arguments)
    except Exception as error:
        sys.exit(f"zeep: {service}.{operation} over {version} failed: {error!r}")
    results["calls"].append({"service": service, "operation": operation, "binding": version})
    return result


def expect_fault(client, proxy, version, service, operation, **arguments):
    try:
        getattr(proxy[version], operation)(**arguments)
    except Fault as fault:
        # zeep hands the detail over as XML; the WSDL's ServiceFault element turns it into a typed object.
        detail = client.get_element(f"{{{NS}}}ServiceFault").parse(fault.detail[0], client.wsdl.types)
        results["faults"].append({"service": service, "operation": operation, "binding": version,
                                  "faultCode": str(fault.code), "code": detail.Code, "message": detail.Message,
                                  "fields": detail.Fields.string if detail.Fields is not None else []})
        return
    sys.exit(f"zeep: {service}.{operation} over {version} should have failed")


def sign_up(proxy, version, name, first_name):
    return call(proxy, version, "UserService", "SignUp", username=name, email=f"{name}@example.org",
                password=password, firstName=first_name, lastName="Python", birthDate=datetime.datetime(1990, 1, 2))


def ids(page, item):
    """The ids of a page's items; zeep turns an empty list into None."""
    wrapper = getattr(page, item + "s")
    return [entry.Id for entry in getattr(wrapper, item)] if wrapper is not None else []


username = "zeep" + uuid.uuid4().hex[:8]
friend = "zeepf" + uuid.uuid4().hex[:8]
password = "correct horse battery"
no_paging = {"maxResults": 10, "pageToken": None}
no_range = {"sinceId": None, "untilId": None}

anonymous_users_client, anonymous_users = proxies("UserService")
signed_up = sign_up(anonymous_users, "Soap11", username, "Zeep")
other = sign_up(anonymous_users, "Soap12", friend, "Friend")
_, users = proxies("UserService", (username, password))
me = call(users, "Soap11", "UserService", "Login")
assert me.Id == signed_up.Id and me.Email == f"{username}@example.org", me
call(anonymous_users, "Soap12", "UserService", "GetUser", userId=signed_up.Id)
listed = call(anonymous_users, "Soap11", "UserService", "ListUsers", **no_paging)
assert signed_up.Id in ids(listed, "User"), listed
# Arrays of primitives are wrappers around the serializer's item elements: {"string": [...]}, {"guid": [...]}.
found = call(anonymous_users, "Soap12", "UserService", "GetUsersByUsernames", usernames={"string": [friend, "nobody_" + uuid.uuid4().hex[:8]]})
assert ids(found, "User") == [other.Id] and [p.Code for p in found.Problems.LookupProblem] == ["NotFound"], found
updated = call(users, "Soap12", "UserService", "UpdateUser", userId=signed_up.Id, username=None, email=None, password=None,
               firstName=None, lastName="Zeep", birthDate=None)
assert updated.LastName == "Zeep", updated

anonymous_tweets_client, anonymous_tweets = proxies("TweetService")
_, tweets = proxies("TweetService", (username, password))
_, friend_tweets = proxies("TweetService", (friend, password))
anonymous_social_client, anonymous_social = proxies("SocialService")
_, social = proxies("SocialService", (friend, password))

posted = call(tweets, "Soap11", "TweetService", "PostTweet", text="Hello from zeep 🐍 #interop", inReplyToTweetId=None, quotedTweetId=None)
assert posted.Author.Username == username and posted.Entities.Hashtags.TextEntity[0].Value == "interop", posted
reply = call(friend_tweets, "Soap12", "TweetService", "PostTweet", text="Welcome, zeep", inReplyToTweetId=posted.Id, quotedTweetId=posted.Id)
assert reply.ConversationId == posted.Id and reply.InReplyToTweetId == posted.Id and reply.QuotedTweetId == posted.Id, reply
call(anonymous_tweets, "Soap12", "TweetService", "GetTweet", tweetId=posted.Id)
missing = str(uuid.uuid4())
batch = call(anonymous_tweets, "Soap11", "TweetService", "GetTweets", tweetIds={"guid": [posted.Id, reply.Id, missing]})
assert ids(batch, "Tweet") == [posted.Id, reply.Id] and [p.Value for p in batch.Problems.LookupProblem] == [missing], batch
page = call(anonymous_tweets, "Soap11", "TweetService", "ListTweets", authorId=signed_up.Id, **no_paging)
assert ids(page, "Tweet") == [posted.Id], page
timeline = call(anonymous_tweets, "Soap12", "TweetService", "GetUserTimeline", userId=other.Id, **no_paging, **no_range)
assert ids(timeline, "Tweet") == [reply.Id], timeline
thread = call(anonymous_tweets, "Soap11", "TweetService", "GetConversation", conversationId=posted.Id, **no_paging)
assert ids(thread, "Tweet") == [reply.Id, posted.Id], thread
found = call(anonymous_tweets, "Soap12", "TweetService", "SearchTweets", query=f"#interop from:{username}", **no_paging, **no_range)
assert ids(found, "Tweet") == [posted.Id], found

followed = call(social, "Soap11", "SocialService", "Follow", userId=signed_up.Id)
assert followed.FollowersCount == 1, followed
home = call(friend_tweets, "Soap11", "TweetService", "GetHomeTimeline", **no_paging, **no_range)
assert ids(home, "Tweet") == [reply.Id, posted.Id], home
assert ids(call(anonymous_social, "Soap12", "SocialService", "ListFollowers", userId=signed_up.Id, **no_paging), "User") == [other.Id]
assert ids(call(anonymous_social, "Soap11", "SocialService", "ListFollowing", userId=other.Id, **no_paging), "User") == [signed_up.Id]
assert call(social, "Soap12", "SocialService", "Like", tweetId=posted.Id).Metrics.LikeCount == 1
assert ids(call(anonymous_social, "Soap11", "SocialService", "ListLikingUsers", tweetId=posted.Id, **no_paging), "User") == [other.Id]
assert ids(call(anonymous_social, "Soap12", "SocialService", "ListLikedTweets", userId=other.Id, **no_paging), "Tweet") == [posted.Id]
assert call(social, "Soap11", "SocialService", "Retweet", tweetId=posted.Id).Metrics.RetweetCount == 1
assert ids(call(anonymous_social, "Soap12", "SocialService", "ListRetweeters", tweetId=posted.Id, **no_paging), "User") == [other.Id]
assert call(social, "Soap12", "SocialService", "Unlike", tweetId=posted.Id).Metrics.LikeCount == 0
assert call(social, "Soap11", "SocialService", "UndoRetweet", tweetId=posted.Id).Metrics.RetweetCount == 0
assert call(social, "Soap12", "SocialService", "Unfollow", userId=signed_up.Id).FollowersCount == 0

edited = call(tweets, "Soap12", "TweetService", "UpdateTweet", tweetId=posted.Id, text="Edited by zeep")
assert edited.Text == "Edited by zeep" and edited.UpdatedAt is not None, edited
call(tweets, "Soap11", "TweetService", "DeleteTweet", tweetId=posted.Id)

expect_fault(anonymous_tweets_client, anonymous_tweets, "Soap11", "TweetService", "GetTweet", tweetId=posted.Id)
expect_fault(anonymous_users_client, anonymous_users, "Soap12", "UserService", "Login")
expect_fault(anonymous_social_client, social, "Soap12", "SocialService", "Follow", userId=other.Id)
call(users, "Soap11", "UserService", "DeleteUser", userId=signed_up.Id)

print(json.dumps(results, ensure_ascii=False))
