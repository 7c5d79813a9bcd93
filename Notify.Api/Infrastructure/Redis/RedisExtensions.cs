using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using BackplaneOptions = Microsoft.AspNetCore.SignalR.StackExchangeRedis.RedisOptions;

namespace Notify.Api.Infrastructure.Redis;

internal static class RedisExtensions
{
    /// <summary>Reads the Redis options now: whether Redis is configured decides which services exist.</summary>
    public static RedisOptions AddNotifyRedis(this IHostApplicationBuilder builder, ISignalRServerBuilder signalR)
    {
        builder.Services.AddOptions<RedisOptions>().BindConfiguration(RedisOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<RedisOptions>, RedisOptionsValidator>();
        var options = builder.Configuration.GetSection(RedisOptions.Section).Get<RedisOptions>() ?? new RedisOptions();
        if (!options.IsConfigured) return options;

        builder.Services.AddSingleton<RedisKeys>();
        builder.Services.AddSingleton<IConnectionMultiplexer>(sp => Connect(sp.GetRequiredService<IOptions<RedisOptions>>().Value));
        signalR.AddStackExchangeRedis();
        // One multiplexer for the backplane and the stores: one set of sockets, one reconnect policy.
        builder.Services.AddOptions<BackplaneOptions>().Configure<IConnectionMultiplexer>((o, mux) =>
        {
            o.Configuration.ChannelPrefix = RedisChannel.Literal(options.ChannelPrefix);
            o.ConnectionFactory = _ => Task.FromResult(mux);
        });
        return options;
    }

    private static ConnectionMultiplexer Connect(RedisOptions options)
    {
        var config = ConfigurationOptions.Parse(options.ConnectionString);
        // Start even while Redis is down; readiness and 503s tell the truth until it is back.
        config.AbortOnConnectFail = false;
        config.ChannelPrefix = RedisChannel.Literal(options.ChannelPrefix);
        config.ClientName ??= "notify";
        // While Redis is unreachable, fail at once (the caller gets a 503) instead of queueing until a timeout.
        config.BacklogPolicy = BacklogPolicy.FailFast;
        return ConnectionMultiplexer.Connect(config);
    }
}
