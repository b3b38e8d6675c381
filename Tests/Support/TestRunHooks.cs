namespace TweetsSoap.Tests.Support;

[TestClass]
public sealed class TestRunHooks
{
    /// <summary>PostgreSQL clusters outlive the test process unless stopped; leave none behind.</summary>
    [AssemblyCleanup]
    public static Task StopPostgresClustersAsync() => PostgresCluster.StopAllAsync();
}
