using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Notify.Api.Infrastructure.Auth;

/// <summary>Authenticates a publishing service by its <c>X-Api-Key</c>; the caller's name becomes its identity.</summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptions<PublisherOptions> publishers,
    IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";
    public const string CallerClaim = "caller";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var values) || values.Count != 1 || string.IsNullOrEmpty(values[0]))
            return Task.FromResult(AuthenticateResult.NoResult());

        var presented = Encoding.UTF8.GetBytes(values[0]!);
        foreach (var key in publishers.Value.Keys)
        {
            // Constant-time comparison, so the key cannot be guessed byte by byte from response times.
            if (!CryptographicOperations.FixedTimeEquals(presented, Encoding.UTF8.GetBytes(key.Key))) continue;
            var identity = new ClaimsIdentity([new Claim(CallerClaim, key.Name)], SchemeName, CallerClaim, null);
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
        }
        return Task.FromResult(AuthenticateResult.Fail("The API key is not valid."));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        var missing = !Request.Headers.ContainsKey(Header);
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails =
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = "Unauthorized",
                Detail = missing ? $"Send a publisher API key in the {Header} header." : $"The {Header} header does not hold a valid API key.",
            },
        });
    }
}
