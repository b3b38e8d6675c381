using System.ServiceModel;
using TweetsSoap.Client;

namespace TweetsSoap.Tests.Support;

public static class FaultAssert
{
    /// <summary>Runs the call, expects a typed <see cref="ServiceFault"/> with the given code, and returns its detail.</summary>
    public static async Task<ServiceFault> ThrowsAsync(ErrorCode code, Func<Task> call)
    {
        var fault = await Assert.ThrowsExactlyAsync<FaultException<ServiceFault>>(call);
        Assert.AreEqual(code, fault.Detail.Code, fault.Detail.Message);
        Assert.AreEqual(fault.Detail.Message, fault.Message, "The fault reason and the detail's message should agree.");
        return fault.Detail;
    }
}
