using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace TweetsSoap.Service.Soap;

/// <summary>
/// Honours <c>X-Forwarded-For/-Proto/-Host</c> only from the proxies named in the <c>ForwardedHeaders</c> section
/// (<c>KnownProxies</c>: addresses, <c>KnownNetworks</c>: CIDR ranges), so that behind a TLS-terminating proxy the
/// WSDL's <c>soap:address</c> and the throttled client address are right, and nobody else can set them. ASP.NET
/// Core trusts loopback by default; that default is dropped, so with no proxy configured nothing is honoured.
/// </summary>
public static class TrustedProxies
{
    public const string Section = "ForwardedHeaders";

    public static IServiceCollection AddTrustedProxies(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        return services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in section.GetSection("KnownProxies").Get<string[]>() ?? [])
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in section.GetSection("KnownNetworks").Get<string[]>() ?? [])
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
    }
}
