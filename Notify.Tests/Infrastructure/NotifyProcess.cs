using System.Diagnostics;

namespace Notify.Tests.Infrastructure;

/// <summary>Notify.Api as an operator runs it: its own process, configured by environment variables.</summary>
public static class NotifyProcess
{
    public static string RepoRoot { get; } = FindRoot();

    /// <summary>Runs the API until it exits or the timeout passes; returns its exit code and standard error.</summary>
    public static async Task<(int ExitCode, string Error, string Output)> RunAsync(IDictionary<string, string?> environment, TimeSpan timeout)
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
        var output = process.StandardOutput.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            return (-1, await error, await output);
        }
        return (process.ExitCode, await error, await output);
    }

    /// <summary>Starts the API on a free port and waits until it answers /health/live.</summary>
    public static async Task<Running> StartAsync(IDictionary<string, string?> environment)
    {
        var port = RedisServer.FreePort();
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Notify.Api.dll"),
            "--contentRoot", Path.Combine(RepoRoot, "Notify.Api"), "--urls", $"http://127.0.0.1:{port}"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        foreach (var (k, v) in environment) start.Environment[k] = v;
        var running = new Running(Process.Start(start)!, new Uri($"http://127.0.0.1:{port}"));
        using var http = new HttpClient { BaseAddress = running.BaseAddress };
        await Eventually.TrueAsync(async () =>
        {
            try { return (await http.GetAsync("/health/live")).IsSuccessStatusCode; }
            catch (HttpRequestException) { return false; }
        }, TimeSpan.FromSeconds(30), "the Notify process to answer");
        return running;
    }

    public sealed class Running(Process process, Uri baseAddress) : IAsyncDisposable
    {
        public Uri BaseAddress { get; } = baseAddress;
        public Process Process { get; } = process;

        /// <summary>What an orchestrator sends to stop a container.</summary>
        public void SendSigterm() => Process.Start("kill", ["-TERM", Process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();

        public async ValueTask DisposeAsync()
        {
            if (!Process.HasExited) Process.Kill(entireProcessTree: true);
            await Process.WaitForExitAsync();
            Process.Dispose();
        }
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Notify.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Notify.sln not found above the test binaries.");
    }
}
