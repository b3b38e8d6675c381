using TweetsSoap.Service.Identity;

namespace TweetsSoap.Tests.Identity;

/// <summary>What the throttle counts as one client address: whoever holds an IPv6 /64 holds all its addresses.</summary>
[TestClass]
public sealed class ThrottleAddressTests
{
    [TestMethod]
    [DataRow("203.0.113.7", "203.0.113.7")]
    [DataRow("::ffff:203.0.113.7", "203.0.113.7")]
    [DataRow("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [DataRow("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    [DataRow("2001:db8:1:3::1", "2001:db8:1:3::/64")]
    [DataRow("unknown", "unknown")]
    public void AddressKey_GroupsAnIPv6SlashSixtyFourAndUnmapsIPv4(string address, string key) =>
        Assert.AreEqual(key, LoginThrottle.AddressKey(address));
}
