using Microsoft.Extensions.Options;

namespace Notify.Api.Infrastructure.Auth;

/// <summary>The API keys services publish with; each key has a caller name for logs and metrics.</summary>
public sealed class PublisherOptions
{
    public const string Section = "Publishers";

    public List<PublisherKey> Keys { get; set; } = [];
}

public sealed class PublisherKey
{
    public string Name { get; set; } = "";
    public string Key { get; set; } = "";
}

internal sealed class PublisherOptionsValidator(IHostEnvironment env) : IValidateOptions<PublisherOptions>
{
    public const int MinimumKeyLength = 16;

    public ValidateOptionsResult Validate(string? name, PublisherOptions options)
    {
        if (options.Keys.Count == 0)
            return ValidateOptionsResult.Fail("Publishers:Keys must list at least one { Name, Key }.");
        for (var i = 0; i < options.Keys.Count; i++)
        {
            var key = options.Keys[i];
            if (string.IsNullOrWhiteSpace(key.Name))
                return ValidateOptionsResult.Fail($"Publishers:Keys:{i}:Name must be set.");
            if (env.IsDevelopment() && key.Key == DevelopmentDefaults.ApiKey)
                continue;
            if (DevelopmentDefaults.IsPublicApiKey(key.Key))
                return ValidateOptionsResult.Fail(
                    $"Publishers:Keys:{i}:Key is a published development or example value; set a secret one outside Development.");
            if (key.Key.Length < MinimumKeyLength)
                return ValidateOptionsResult.Fail($"Publishers:Keys:{i}:Key must be at least {MinimumKeyLength} characters.");
        }
        if (options.Keys.GroupBy(k => k.Key, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } shared)
            return ValidateOptionsResult.Fail($"Publishers:Keys gives one key to several callers ({string.Join(", ", shared.Select(k => k.Name))}); each caller needs its own.");
        return ValidateOptionsResult.Success;
    }
}
