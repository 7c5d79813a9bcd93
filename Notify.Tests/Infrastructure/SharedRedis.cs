[assembly: AssemblyFixture(typeof(Notify.Tests.Infrastructure.SharedRedis))]

namespace Notify.Tests.Infrastructure;

/// <summary>
/// One redis-server for the whole run: test.sh passes the one it started in NOTIFY_TEST_REDIS ("host:port");
/// otherwise the suite starts its own. Tests that stop Redis start a private one instead.
/// </summary>
public sealed class SharedRedis : IAsyncLifetime
{
    private RedisServer? _owned;

    public string ConnectionString { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        var given = Environment.GetEnvironmentVariable("NOTIFY_TEST_REDIS");
        if (!string.IsNullOrEmpty(given))
        {
            ConnectionString = $"{given},abortConnect=false";
            return;
        }
        _owned = await RedisServer.StartAsync();
        ConnectionString = _owned.ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        if (_owned is not null) await _owned.DisposeAsync();
    }
}
