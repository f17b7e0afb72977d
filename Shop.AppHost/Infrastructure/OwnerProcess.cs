using System.Diagnostics;

namespace Shop.AppHost.Infrastructure;

/// <summary>Whether the AppHost that owns throwaway data (a directory, a volume) is still running.</summary>
internal static class OwnerProcess
{
    public static bool IsAlive(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
