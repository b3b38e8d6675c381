"""Drives both TweetsSoap services with Python zeep, as an integrator would: from ?wsdl alone.

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
                                  "faultCode": str(fault.code), "code": detail.Code, "message": detail.Message})
        return
    sys.exit(f"zeep: {service}.{operation} over {version} should have failed")


username = "zeep" + uuid.uuid4().hex[:8]
password = "correct horse battery"

anonymous_users_client, anonymous_users = proxies("UserService")
signed_up = call(anonymous_users, "Soap11", "UserService", "SignUp", username=username, email=f"{username}@example.org",
                 password=password, firstName="Zeep", lastName="Python", birthDate=datetime.datetime(1990, 1, 2))
_, users = proxies("UserService", (username, password))
me = call(users, "Soap11", "UserService", "Login")
assert me.Id == signed_up.Id and me.Email == f"{username}@example.org", me
call(anonymous_users, "Soap12", "UserService", "GetUser", userId=signed_up.Id)
listed = call(anonymous_users, "Soap11", "UserService", "ListUsers", maxResults=5, pageToken=None)
assert any(user.Id == signed_up.Id for user in listed.Users.User), listed
updated = call(users, "Soap12", "UserService", "UpdateUser", userId=signed_up.Id, username=None, email=None, password=None,
               firstName=None, lastName="Zeep", birthDate=None)
assert updated.LastName == "Zeep", updated

anonymous_tweets_client, anonymous_tweets = proxies("TweetService")
_, tweets = proxies("TweetService", (username, password))
posted = call(tweets, "Soap11", "TweetService", "PostTweet", text="Hello from zeep 🐍")
assert posted.Author.Username == username, posted
call(anonymous_tweets, "Soap12", "TweetService", "GetTweet", tweetId=posted.Id)
page = call(anonymous_tweets, "Soap11", "TweetService", "ListTweets", authorId=signed_up.Id, maxResults=10, pageToken=None)
assert [tweet.Id for tweet in page.Tweets.Tweet] == [posted.Id], page
edited = call(tweets, "Soap12", "TweetService", "UpdateTweet", tweetId=posted.Id, text="Edited by zeep")
assert edited.Text == "Edited by zeep" and edited.UpdatedAt is not None, edited
call(tweets, "Soap11", "TweetService", "DeleteTweet", tweetId=posted.Id)

expect_fault(anonymous_tweets_client, anonymous_tweets, "Soap11", "TweetService", "GetTweet", tweetId=posted.Id)
expect_fault(anonymous_users_client, anonymous_users, "Soap12", "UserService", "Login")
call(users, "Soap11", "UserService", "DeleteUser", userId=signed_up.Id)

print(json.dumps(results, ensure_ascii=False))
