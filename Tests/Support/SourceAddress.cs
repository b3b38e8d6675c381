using System.Net;
using System.Net.Sockets;

namespace TweetsSoap.Tests.Support;

/// <summary>
/// HTTP clients whose connections leave from a loopback address the test chooses (127.0.0.2, 127.0.0.3, ...; all of
/// 127/8 is loopback on Linux), so one test can be an attacker and a bystander, or a proxy and a stranger, as the
/// service's connection sees them.
/// </summary>
public static class SourceAddress
{
    public static HttpClient Client(Uri baseAddress, string localAddress)
    {
        var local = IPAddress.Parse(localAddress);
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(local.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(local, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler) { BaseAddress = baseAddress };
    }
}
