using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace TweetsSoap.Service.Requests;

/// <summary>
/// Honours <c>X-Forwarded-For/-Proto/-Host</c> only from the proxies named in the <c>ForwardedHeaders</c> section
/// (<c>KnownProxies</c>: addresses, <c>KnownNetworks</c>: CIDR ranges), so that behind a TLS-terminating proxy the
/// WSDL's <c>soap:address</c> and the client address that is throttled and logged are right, and nobody else can set
/// them. With no proxy configured no forwarded header is read at all: ASP.NET Core's middleware trusts every sender
/// when both lists are empty, so the lists alone cannot express "nobody".
/// </summary>
public static class TrustedProxies
{
    public const string Section = "ForwardedHeaders";

    public static IServiceCollection AddTrustedProxies(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var proxies = section.GetSection("KnownProxies").Get<string[]>() ?? [];
        var networks = section.GetSection("KnownNetworks").Get<string[]>() ?? [];
        return services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            if (proxies.Length == 0 && networks.Length == 0)
            {
                options.ForwardedHeaders = ForwardedHeaders.None;
                return;
            }

            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            foreach (var proxy in proxies)
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in networks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
    }
}
