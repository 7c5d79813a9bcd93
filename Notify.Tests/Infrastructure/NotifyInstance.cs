using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Notify.Contracts;
using Notify.Hubs;

namespace Notify.Tests.Infrastructure;

/// <summary>One real Notify instance: Kestrel on a random loopback port, in Development.</summary>
public sealed class NotifyInstance : WebApplicationFactory<Program>
{
    public const string DevApiKey = "notify-dev-key";
    private readonly Dictionary<string, string?> _settings;
    private readonly string _environment;
    private readonly Action<Microsoft.Extensions.Logging.ILoggingBuilder>? _configureLogging;

    private NotifyInstance(Dictionary<string, string?> settings, string environment, Action<Microsoft.Extensions.Logging.ILoggingBuilder>? configureLogging)
    {
        _settings = settings;
        _environment = environment;
        _configureLogging = configureLogging;
        UseKestrel(0);
    }

    /// <summary>The publisher's client: real sockets, with the development API key.</summary>
    public HttpClient Api { get; private set; } = null!;

    public Uri BaseAddress => ClientOptions.BaseAddress;

    /// <summary>Starts an instance on the given Redis (null: the in-memory single-instance default).</summary>
    public static Task<NotifyInstance> StartAsync(string? redis, string prefix, IDictionary<string, string?>? settings = null,
        string environment = "Development", Action<Microsoft.Extensions.Logging.ILoggingBuilder>? configureLogging = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["Redis:ConnectionString"] = redis ?? "",
            ["Redis:ChannelPrefix"] = prefix,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>()) all[k] = v;
        var instance = new NotifyInstance(all, environment, configureLogging);
        instance.StartServer();
        instance.Api = instance.CreateClient();
        instance.Api.DefaultRequestHeaders.Add("X-Api-Key", DevApiKey);
        return Task.FromResult(instance);
    }

    public static Task<NotifyInstance> StartAsync(SharedRedis redis, string prefix) => StartAsync(redis.ConnectionString, prefix);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        if (_configureLogging is not null) builder.ConfigureLogging(_configureLogging);
    }

    /// <summary>A client with no credentials at all.</summary>
    public HttpClient Anonymous() => CreateClient();

    public async Task<string> TokenAsync(string userId)
    {
        var response = await Api.PostAsJsonAsync("/api/dev/token", new DevTokenRequest(userId));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<DevTokenResponse>())!.AccessToken;
    }

    /// <summary>An inbox client for the user, with its bearer token.</summary>
    public async Task<HttpClient> UserClientAsync(string userId)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(userId));
        return client;
    }

    /// <summary>A started hub connection for the user, recording every event it receives.</summary>
    public async Task<HubClient> ConnectAsync(string userId)
    {
        var token = await TokenAsync(userId);
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(BaseAddress, HubsExtensions.HubPath), o =>
            {
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
                o.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
            })
            .Build();
        var client = new HubClient(connection);
        await connection.StartAsync(TestContext.Current.CancellationToken);
        await client.Started.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        return client;
    }

    public override async ValueTask DisposeAsync()
    {
        Api?.Dispose();
        await base.DisposeAsync();
    }
}
