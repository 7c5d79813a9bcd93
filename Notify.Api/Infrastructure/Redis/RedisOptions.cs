using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Notify.Api.Infrastructure.Redis;

/// <summary>Where instances meet. Empty connection string: one instance, in memory.</summary>
public sealed class RedisOptions
{
    public const string Section = "Redis";

    public string ConnectionString { get; set; } = "";

    /// <summary>Prefixes every channel and key, so two deployments on one Redis never see each other. Ends with ':'.</summary>
    public string ChannelPrefix { get; set; } = "notify:";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(ConnectionString);
}

internal sealed class RedisOptionsValidator(IHostEnvironment env) : IValidateOptions<RedisOptions>
{
    public ValidateOptionsResult Validate(string? name, RedisOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ChannelPrefix))
            return env.IsDevelopment() || !options.IsConfigured
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail("Redis:ChannelPrefix must be set (for example \"notify:\") when Redis is configured.");
        if (!options.IsConfigured) return ValidateOptionsResult.Success;
        if (!string.IsNullOrEmpty(options.ChannelPrefix) && !options.ChannelPrefix.EndsWith(':'))
            return ValidateOptionsResult.Fail($"Redis:ChannelPrefix must end with ':' (for example \"{options.ChannelPrefix}:\"), so prefixes never run into key names.");
        try
        {
            ConfigurationOptions.Parse(options.ConnectionString);
        }
        catch (Exception e) when (e is ArgumentException or RedisConnectionException)
        {
            return ValidateOptionsResult.Fail($"Redis:ConnectionString cannot be parsed: {e.Message}");
        }
        return ValidateOptionsResult.Success;
    }
}
