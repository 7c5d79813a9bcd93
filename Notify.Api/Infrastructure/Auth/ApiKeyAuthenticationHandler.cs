using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Notify.Api.Infrastructure.Auth;

/// <summary>Authenticates a publishing service by its <c>X-Api-Key</c>; the caller's name becomes its identity.</summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    PublisherKeyRing keys,
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

        var caller = keys.Find(values[0]!);
        if (caller is null) return Task.FromResult(AuthenticateResult.Fail("The API key is not valid."));
        var identity = new ClaimsIdentity([new Claim(CallerClaim, caller)], SchemeName, CallerClaim, null);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
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

/// <summary>The configured keys as bytes, once: every publish is authenticated against them.</summary>
internal sealed class PublisherKeyRing(IOptions<PublisherOptions> options)
{
    private readonly (byte[] Key, string Caller)[] _keys =
        [.. options.Value.Keys.Select(k => (System.Text.Encoding.UTF8.GetBytes(k.Key), k.Name))];

    public string? Find(string presented)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(presented);
        string? caller = null;
        // FixedTimeEquals never stops at the first differing byte, and every key is compared, so response times do
        // not reveal how much of a key was right.
        foreach (var (key, name) in _keys)
            if (System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(bytes, key)) caller ??= name;
        return caller;
    }
}
