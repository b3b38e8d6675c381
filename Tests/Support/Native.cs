using System.Runtime.InteropServices;

namespace TweetsSoap.Tests.Support;

/// <summary>The POSIX call .NET does not wrap: sending a signal other than SIGKILL.</summary>
internal static class Native
{
    public const int SigTerm = 15;

    public static void Signal(int processId, int signal)
    {
        if (Kill(processId, signal) != 0)
        {
            throw new InvalidOperationException($"kill({processId}, {signal}) failed with errno {Marshal.GetLastPInvokeError()}.");
        }
    }

    // DllImport rather than LibraryImport: the generated stubs would need unsafe code allowed in the test project.
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int processId, int signal);
}
