using System.Security.Claims;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Notify.Api.Infrastructure.Auth;

/// <summary>Signs tokens with the configured key; used by the Development-only token endpoint.</summary>
public sealed class DevTokenIssuer(IOptions<JwtOptions> options, TimeProvider clock)
{
    private static readonly JsonWebTokenHandler Handler = new();

    public string Issue(string userId)
    {
        var jwt = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        return Handler.CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity([new Claim("sub", userId)]),
            Issuer = jwt.Issuer,
            Audience = jwt.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + jwt.DevTokenLifetime,
            SigningCredentials = new SigningCredentials(JwtKeys.From(jwt), SecurityAlgorithms.HmacSha256),
        });
    }
}

internal static class JwtKeys
{
    public static SymmetricSecurityKey From(JwtOptions options) => new(Encoding.UTF8.GetBytes(options.SigningKey));
}
