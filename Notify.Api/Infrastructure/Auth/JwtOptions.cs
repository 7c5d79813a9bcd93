using System.ComponentModel.DataAnnotations;
using System.Text;
using Microsoft.Extensions.Options;

namespace Notify.Api.Infrastructure.Auth;

/// <summary>How the hub's and inbox's tokens are checked (HS256).</summary>
public sealed class JwtOptions
{
    public const string Section = "Jwt";
    public const int MinimumKeyBytes = 32;

    public string SigningKey { get; set; } = "";

    [Required]
    public string Issuer { get; set; } = "notify";

    [Required]
    public string Audience { get; set; } = "notify";

    /// <summary>Lifetime of the tokens the Development endpoint signs.</summary>
    public TimeSpan DevTokenLifetime { get; set; } = TimeSpan.FromHours(12);
}

internal sealed class JwtOptionsValidator(IHostEnvironment env) : IValidateOptions<JwtOptions>
{
    public ValidateOptionsResult Validate(string? name, JwtOptions options)
    {
        if (Encoding.UTF8.GetByteCount(options.SigningKey) < JwtOptions.MinimumKeyBytes)
            return ValidateOptionsResult.Fail(
                $"Jwt:SigningKey must be set to at least {JwtOptions.MinimumKeyBytes} bytes (HS256).");
        if (!env.IsDevelopment() && DevelopmentDefaults.IsPublicSigningKey(options.SigningKey))
            return ValidateOptionsResult.Fail(
                "Jwt:SigningKey is a published development or example value; set a secret one outside Development.");
        return ValidateOptionsResult.Success;
    }
}
