using System.Diagnostics;

namespace Notify.Tests.Infrastructure;

/// <summary>Notify.Api as an operator runs it: its own process, configured by environment variables.</summary>
public static class NotifyProcess
{
    public static string RepoRoot { get; } = FindRoot();

    /// <summary>Runs the API until it exits or the timeout passes; returns its exit code and standard error.</summary>
    public static async Task<(int ExitCode, string Error)> RunAsync(IDictionary<string, string?> environment, TimeSpan timeout)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Notify.Api.dll"),
            "--contentRoot", Path.Combine(RepoRoot, "Notify.Api"), "--urls", "http://127.0.0.1:0"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        foreach (var (k, v) in environment) start.Environment[k] = v;
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            return (-1, await error);
        }
        return (process.ExitCode, await error);
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Notify.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Notify.sln not found above the test binaries.");
    }
}
