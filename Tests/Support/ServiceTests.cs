using System.Reflection;
using TweetsSoap.Service.Storage;

namespace TweetsSoap.Tests.Support;

/// <summary>
/// Base of every test class that talks to the service: each derived class gets its own service and database
/// (the static members live in the closed generic type, one per class).
/// </summary>
public abstract class ServiceTests<TSelf>
{
    protected static ServiceFixture Service { get; private set; } = null!;

    protected static SoapClients Soap { get; private set; } = null!;

    /// <summary>SQLite unless the class says otherwise with <see cref="BackendAttribute"/>.</summary>
    protected static StorageProvider Backend => typeof(TSelf).GetCustomAttribute<BackendAttribute>()?.Provider ?? StorageProvider.Sqlite;

    [ClassInitialize(InheritanceBehavior.BeforeEachDerivedClass)]
    public static async Task StartServiceAsync(TestContext context)
    {
        var settings = typeof(TSelf).GetCustomAttributes(typeof(ServiceSettingsAttribute), inherit: false)
            .Cast<ServiceSettingsAttribute>().SelectMany(a => a.Settings).ToArray();
        Service = await ServiceFixture.StartAsync(Backend, null, settings);
        Soap = new SoapClients(Service);
    }

    [ClassCleanup(InheritanceBehavior.BeforeEachDerivedClass)]
    public static async Task StopServiceAsync()
    {
        Soap.Dispose();
        await Service.DisposeAsync();
    }
}

/// <summary>Configuration a test class's service starts with, as command-line settings (<c>--Section:Key=value</c>).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ServiceSettingsAttribute(params string[] settings) : Attribute
{
    public IReadOnlyList<string> Settings { get; } = settings;
}

/// <summary>Runs a <see cref="ServiceTests{TSelf}"/> class against the given storage backend.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class BackendAttribute(StorageProvider provider) : Attribute
{
    public StorageProvider Provider { get; } = provider;
}
