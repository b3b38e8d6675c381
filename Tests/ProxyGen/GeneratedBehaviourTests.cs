using System.Reflection;
using System.Runtime.Serialization;
using System.ServiceModel.Description;
using System.Xml.Linq;

namespace TweetsSoap.Tests.ProxyGen;

/// <summary>What the proxies generated from the test WSDLs do: the XML they write is the XML the schemas describe.</summary>
[TestClass]
public sealed class GeneratedBehaviourTests
{
    private static readonly Lazy<Assembly> Proxy = new(() =>
        InMemoryProxy.Compile(InMemoryProxy.Generate(InMemoryProxy.TestWsdlDirectory, "Foreign").Select(g => g.Source)));

    [TestMethod]
    public void Order_SerializedByDataContractSerializer_IsTheXmlTheSchemaDescribes()
    {
        dynamic order = New("Order");
        dynamic customer = New("Customer");
        customer.Id = 7L;
        customer.Name = "Ada";
        customer.Tags = New("ArrayOfstring");
        customer.Tags.Add("vip");
        order.Customer = customer;
        order.Lines = New("ArrayOfOrderLine");
        dynamic first = New("OrderLine");
        first.Sku = "A-1";
        first.Quantity = 2;
        dynamic second = New("OrderLine");
        second.Quantity = 1;
        second.Gift = true;
        order.Lines.Add(first);
        order.Lines.Add(second);
        order.PlacedAt = new DateTime(2026, 11, 27, 10, 0, 0, DateTimeKind.Utc);
        order.Status = EnumValue("OrderStatus", "On_hold");

        XDocument xml = Serialize(order);

        // Discount (minOccurs=0) is left out, the nil Sku is written as nil, the enum uses its schema value.
        AssertXml("""
            <Order xmlns="http://schemas.datacontract.org/2004/07/Shop.Orders" xmlns:i="http://www.w3.org/2001/XMLSchema-instance">
              <Customer>
                <Id>7</Id><Name>Ada</Name>
                <Tags><string xmlns="http://schemas.microsoft.com/2003/10/Serialization/Arrays">vip</string></Tags>
              </Customer>
              <Lines>
                <OrderLine><Sku>A-1</Sku><Quantity>2</Quantity></OrderLine>
                <OrderLine><Sku i:nil="true" /><Quantity>1</Quantity><Gift>true</Gift></OrderLine>
              </Lines>
              <PlacedAt>2026-11-27T10:00:00Z</PlacedAt>
              <Status>on-hold</Status>
            </Order>
            """, xml);
    }

    [TestMethod]
    public void RushOrder_Serialized_WritesTheBaseTypesElementsFirstAndTheDurationAsXsdDuration()
    {
        dynamic rush = New("RushOrder");
        rush.Status = EnumValue("OrderStatus", "Open");
        rush.Deadline = TimeSpan.FromHours(2);

        XDocument xml = Serialize(rush);

        var names = xml.Root!.Elements().Select(e => e.Name.LocalName).ToList();
        CollectionAssert.AreEqual(new[] { "Lines", "PlacedAt", "Status", "Deadline" }, names);
        Assert.AreEqual("PT2H", xml.Root.Elements().Last().Value);
    }

    [TestMethod]
    public void Forecast_WithAnElementFromANewerService_KeepsItThroughARoundTrip()
    {
        const string sent = """
            <Forecast xmlns="http://weather.example.org/v2">
              <Station>EGLL</Station><IssuedAt>2026-11-27T06:00:00Z</IssuedAt>
              <Days><Day><Date>2026-11-28T00:00:00Z</Date><High><Value>9.5</Value><Units>celsius</Units></High>
                <Low><Value>2</Value><Units>celsius</Units></Low>
                <HourlyRain><int xmlns="http://schemas.microsoft.com/2003/10/Serialization/Arrays">3</int></HourlyRain>
                <event>storm</event></Day></Days>
              <Confidence>0.8</Confidence>
            </Forecast>
            """;
        var serializer = new DataContractSerializer(Type("Forecast"));

        dynamic forecast = serializer.ReadObject(XDocument.Parse(sent).CreateReader())!;

        Assert.AreEqual("EGLL", (string)forecast.Station);
        Assert.AreEqual(9.5, (double)forecast.Days[0].High.Value);
        Assert.AreEqual("storm", (string)forecast.Days[0].Event);
        Assert.AreEqual(3, (int)forecast.Days[0].HourlyRain[0]);
        XDocument written = Serialize(forecast);
        Assert.AreEqual("0.8", written.Root!.Elements().Last().Value, "the unknown Confidence element survives");
    }

    [TestMethod]
    [DataRow("IOrderService", "PlaceOrder", "urn:example:shop/IOrderService/PlaceOrder", "urn:example:shop/IOrderService/PlaceOrderResponse")]
    [DataRow("IOrderService", "Ping", "urn:example:shop/IOrderService/Ping", "urn:example:shop/IOrderService/PingResponse")]
    [DataRow("IWeatherPort", "GetForecast", "urn:weather#GetForecast", "urn:weather#GetForecastResponse")]
    public void Contract_AsWcfReadsIt_HasTheWsdlsActionsAndWrappers(string contract, string operation, string action, string replyAction)
    {
        var description = ContractDescription.GetContract(Type(contract)).Operations.Find(operation)!;

        Assert.AreEqual(action, description.Messages[0].Action);
        Assert.AreEqual(replyAction, description.Messages[1].Action);
        Assert.AreEqual(operation, description.Messages[0].Body.WrapperName);
        Assert.AreEqual(operation + "Response", description.Messages[1].Body.WrapperName);
        Assert.IsNotNull(description.TaskMethod, "the Task-returning method belongs to the same operation");
        Assert.IsNotNull(description.SyncMethod);
    }

    [TestMethod]
    [DataRow("IOrderService", "PlaceOrder", "OrderFault", "urn:example:shop:faults", "OrderFault")]
    [DataRow("IWeatherPort", "GetForecast", "QuotaExceeded", "http://weather.example.org/v2", "Quota")]
    public void Contract_DeclaredFault_HasTheDetailElementAndType(string contract, string operation, string element, string ns, string detailType)
    {
        var fault = ContractDescription.GetContract(Type(contract)).Operations.Find(operation)!.Faults.Single();

        Assert.AreEqual(element, fault.Name);
        Assert.AreEqual(ns, fault.Namespace);
        Assert.AreEqual(Type(detailType), fault.DetailType);
    }

    [TestMethod]
    public void GetForecast_ParametersAsWcfReadsThem_KeepTheirXmlNamesAndNamespace()
    {
        var body = ContractDescription.GetContract(Type("IWeatherPort")).Operations.Find("GetForecast")!.Messages[0].Body;

        CollectionAssert.AreEqual(new[] { "station", "days", "class" }, body.Parts.Select(p => p.Name).ToList());
        Assert.IsTrue(body.Parts.All(p => p.Namespace == "http://weather.example.org/v2"));
        Assert.AreEqual("forecast", ContractDescription.GetContract(Type("IWeatherPort")).Operations.Find("GetForecast")!.Messages[1].Body.ReturnValue.Name);
    }

    private static Type Type(string name) => Proxy.Value.GetType("Foreign." + name, throwOnError: true)!;

    private static dynamic New(string name) => Activator.CreateInstance(Type(name))!;

    private static dynamic EnumValue(string type, string member) => Enum.Parse(Type(type), member);

    private static XDocument Serialize(object value)
    {
        var document = new XDocument();
        using (var writer = document.CreateWriter())
        {
            new DataContractSerializer(value.GetType()).WriteObject(writer, value);
        }

        return document;
    }

    private static void AssertXml(string expected, XDocument actual) =>
        Assert.AreEqual(Normalize(XElement.Parse(expected)).ToString(), Normalize(actual.Root!).ToString());

    // Prefixes and namespace declarations are the serializer's choice; names, order, values and nil are the contract.
    private static XElement Normalize(XElement element) => new(
        element.Name,
        element.Attributes().Where(a => !a.IsNamespaceDeclaration),
        element.HasElements ? element.Elements().Select(Normalize) : element.Value);
}
