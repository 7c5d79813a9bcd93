namespace Notify.Tests.Infrastructure;

/// <summary>Instances A and B of one deployment on the shared Redis, for a test class to share.</summary>
public sealed class TwoInstances(SharedRedis redis) : IAsyncLifetime
{
    public string Prefix { get; } = $"test-{Guid.NewGuid():N}:";
    public NotifyInstance A { get; private set; } = null!;
    public NotifyInstance B { get; private set; } = null!;
    public SharedRedis Redis => redis;

    public async ValueTask InitializeAsync()
    {
        A = await NotifyInstance.StartAsync(redis, Prefix);
        B = await NotifyInstance.StartAsync(redis, Prefix);
    }

    public async ValueTask DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
    }
}
