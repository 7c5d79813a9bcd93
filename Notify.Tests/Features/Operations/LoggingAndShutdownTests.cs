using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Notify.Tests.Infrastructure;

namespace Notify.Tests.Features.Operations;

public sealed class LoggingAndShutdownTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task HubTokenInTheQueryStringIsNeverLoggedEvenAtTrace()
    {
        var sink = new ConcurrentQueue<string>();
        await using var instance = await NotifyInstance.StartAsync((string?)null, "notify:", new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Trace",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
        }, configureLogging: logging => logging.AddProvider(new ListLoggerProvider(sink)));
        var token = await instance.TokenAsync("u1");

        var negotiate = await instance.Anonymous().NegotiateAsync(token);
        await using (var client = await instance.ConnectAsync("u1")) { }

        Assert.Equal(HttpStatusCode.OK, negotiate.StatusCode);
        Assert.NotEmpty(sink);
        Assert.DoesNotContain(sink, line => line.Contains(token, StringComparison.Ordinal) || line.Contains("access_token=ey", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SigtermClosesHubConnectionsAtOnceThenDrainsWhileUnreadyAndExitsCleanly()
    {
        await using var notify = await NotifyProcess.StartAsync(new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Shutdown__DrainSeconds"] = "3",
        });
        using var http = new HttpClient { BaseAddress = notify.BaseAddress };
        async Task<string> Token(string user) =>
            (await (await http.PostAsJsonAsync("/api/dev/token", new { userId = user }, Ct)).Content.ReadFromJsonAsync<Contracts.DevTokenResponse>(Ct))!.AccessToken;
        var token = await Token("u1");
        var next = await Token("u2");
        await using var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(notify.BaseAddress, "/hubs/notifications"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .Build();
        var closed = new TaskCompletionSource();
        connection.Closed += _ => { closed.TrySetResult(); return Task.CompletedTask; };
        await connection.StartAsync(Ct);

        notify.SendSigterm();

        await closed.Task.WaitAsync(TimeSpan.FromSeconds(3), Ct);
        var ready = await http.GetAsync("/health/ready", Ct);
        var newConnection = await http.NegotiateAsync(next);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, newConnection.StatusCode);
        Assert.NotNull(newConnection.Headers.RetryAfter);
        await notify.Process.WaitForExitAsync(Ct).WaitAsync(TimeSpan.FromSeconds(20), Ct);
        Assert.Equal(0, notify.Process.ExitCode);
    }

    private sealed class ListLoggerProvider(ConcurrentQueue<string> sink) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new ListLogger(categoryName, sink);
        public void Dispose() { }
    }

    private sealed class ListLogger(string category, ConcurrentQueue<string> sink) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var line = $"{category}: {formatter(state, exception)}";
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
                line += " " + string.Join(' ', values.Select(v => $"{v.Key}={v.Value}"));
            sink.Enqueue(line);
        }
    }
}
