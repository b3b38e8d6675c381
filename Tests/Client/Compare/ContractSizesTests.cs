using System.Text.RegularExpressions;
using System.Xml.Linq;
using TweetsSoap.Client.Compare;
using TweetsSoap.Service.Soap;
using TweetsSoap.Tests.Support;

namespace TweetsSoap.Tests.Client.Compare;

/// <summary>The contract sizes <c>compare</c> prints and docs/contract.md quotes, computed from the committed and the served documents.</summary>
[TestClass]
public sealed partial class ContractSizesTests : ServiceTests<ContractSizesTests>
{
    private static Task<Sizes> CommittedAsync() => ContractSizes.MeasureAsync(file => File.ReadAllTextAsync(Repository.PathOf("wsdl", file)));

    [TestMethod]
    public async Task DocsTable_ComparedWithTheCommittedContracts_QuotesTodaysSizes()
    {
        var docs = await File.ReadAllTextAsync(Repository.PathOf("docs", "contract.md"));
        var quoted = Table().Match(docs);
        Assert.IsTrue(quoted.Success, "docs/contract.md has the table between <!-- contract-sizes --> markers");

        Assert.AreEqual(ContractSizes.Markdown(await CommittedAsync()), quoted.Groups[1].Value.ReplaceLineEndings("\n"),
            "docs/contract.md quotes other sizes than the committed contracts have; paste ContractSizes.Markdown's table (printed by this test's failure) there.");
    }

    [TestMethod]
    public async Task Sizes_OfTheCommittedContracts_CoverEveryOperationAndAddUpToLessThanTheWhole()
    {
        var sizes = await CommittedAsync();

        CollectionAssert.AreEquivalent(
            SoapEndpoint.All.SelectMany(e => e.ActionsByOperation.Keys.Select(o => $"{e.Name}.{o}")).ToList(),
            sizes.Operations.Select(o => $"{o.Service}.{o.Operation}").ToList());
        var files = new[] { "UserService.wsdl", "TweetService.wsdl", "SocialService.wsdl", "xsd/TweetsSoap.xsd", "xsd/Serialization.xsd", "xsd/Arrays.xsd" };
        Assert.AreEqual(files.Sum(f => new FileInfo(Repository.PathOf("wsdl", f)).Length), sizes.WsdlBytes);
        Assert.AreEqual(new FileInfo(Repository.PathOf("wsdl", ContractSizes.OpenApiFile)).Length, sizes.OpenApiBytes);
        Assert.IsTrue(sizes.Operations.All(o => o.WsdlBytes > 0 && o.OpenApiBytes > 0 && o.WsdlBytes < sizes.WsdlBytes && o.OpenApiBytes < sizes.OpenApiBytes));
    }

    [TestMethod]
    public async Task WsdlPart_OfPostTweet_HoldsTheTypesItsMessagesReach()
    {
        var postTweet = (await CommittedAsync()).Operations.Single(o => o.Operation == "PostTweet");
        var schema = XDocument.Load(Repository.PathOf("wsdl", "xsd", "TweetsSoap.xsd")).Root!;
        var reached = new[] { "PostTweet", "PostTweetResponse", "Tweet", "TweetAuthor", "TweetMetrics", "TweetEntities", "ServiceFault" }
            .Sum(name => schema.Elements().Where(c => (string?)c.Attribute("name") == name).Sum(c => (long)c.ToString(SaveOptions.DisableFormatting).Length));

        Assert.IsGreaterThan(reached, postTweet.WsdlBytes, "PostTweet's part includes at least its wrappers, the tweet's types and the fault");
    }

    [TestMethod]
    public async Task Sizes_OfTheServedContracts_EqualTheCommittedOnesPerOperation()
    {
        var served = await ContractSizes.MeasureAsync(file => Service.Http.GetStringAsync(ContractSizes.ServedPath(file)));

        CollectionAssert.AreEqual((await CommittedAsync()).Operations.ToList(), served.Operations.ToList(), "compare prints what the docs quote");
    }

    [GeneratedRegex(@"<!-- contract-sizes -->\n(.*?)<!-- /contract-sizes -->", RegexOptions.Singleline)]
    private static partial Regex Table();
}
