using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Notify.Api.Infrastructure.Validation;
using Notify.Hubs;

namespace Notify.Api.Infrastructure.Auth;

internal static class AuthExtensions
{
    public const string PublisherPolicy = "Publisher";

    public static void AddNotifyAuth(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<JwtOptions>().BindConfiguration(JwtOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<JwtOptions>, JwtOptionsValidator>();
        builder.Services.AddOptions<PublisherOptions>().BindConfiguration(PublisherOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<PublisherOptions>, PublisherOptionsValidator>();
        builder.Services.AddSingleton<DevTokenIssuer>();
        builder.Services.AddSingleton<PublisherKeyRing>();

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer()
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<JwtOptions>>((bearer, jwt) => ConfigureBearer(bearer, jwt.Value));

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(PublisherPolicy, p => p.AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName).RequireAuthenticatedUser());
    }

    private static void ConfigureBearer(JwtBearerOptions bearer, JwtOptions jwt)
    {
        // Keep claim names as they are in the token: the user id is "sub", not a mapped NameIdentifier.
        bearer.MapInboundClaims = false;
        // Every hub connection keeps its principal and authentication result for its whole life: keep neither
        // the raw token nor the token's other claims there, only the user id (see OnTokenValidated).
        bearer.SaveToken = false;
        bearer.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = jwt.Issuer,
            ValidAudience = jwt.Audience,
            IssuerSigningKey = JwtKeys.From(jwt),
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            NameClaimType = "sub",
            ClockSkew = TimeSpan.FromSeconds(30),
        };
        bearer.Events = new JwtBearerEvents
        {
            // Browsers cannot set headers on a WebSocket, so the hub (and only the hub) takes ?access_token=.
            OnMessageReceived = ctx =>
            {
                if (ctx.Request.Path.StartsWithSegments(HubsExtensions.HubPath) && ctx.Request.Query.TryGetValue("access_token", out var token))
                    ctx.Token = token;
                return Task.CompletedTask;
            },
            OnTokenValidated = ctx =>
            {
                var sub = ctx.Principal?.FindFirst("sub")?.Value;
                if (string.IsNullOrEmpty(sub))
                    ctx.Fail("The token has no sub claim, so it names no user.");
                else if (!NameRules.IsAcceptableUserId(sub))
                    ctx.Fail($"The token's sub is not a user id Notify can address (1 to {NameRules.MaxUserIdLength} characters, no control characters).");
                else
                    ctx.Principal = UserPrincipal(sub, ctx.Scheme.Name);
                return Task.CompletedTask;
            },
            OnChallenge = async ctx =>
            {
                ctx.HandleResponse();
                ctx.Response.StatusCode = StatusCodes.Status401Unauthorized;
                var problems = ctx.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = ctx.HttpContext,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status401Unauthorized,
                        Title = "Unauthorized",
                        Detail = ctx.AuthenticateFailure is null
                            ? "Send a bearer token (Authorization header, or ?access_token= on the hub)."
                            : $"The bearer token was refused: {Describe(ctx.AuthenticateFailure)}",
                    },
                });
            },
        };
    }

    /// <summary>Nothing in Notify reads a claim but <c>sub</c>; the expiry the hub closes on is kept in the ticket's properties.</summary>
    private static ClaimsPrincipal UserPrincipal(string sub, string scheme) =>
        new(new ClaimsIdentity([new Claim("sub", sub)], scheme, nameType: "sub", roleType: null));

    private static string Describe(Exception failure) => failure switch
    {
        SecurityTokenExpiredException => "it has expired.",
        SecurityTokenInvalidSignatureException or SecurityTokenSignatureKeyNotFoundException => "its signature is not valid.",
        SecurityTokenInvalidAudienceException => "its audience is not this service.",
        SecurityTokenInvalidIssuerException => "its issuer is not trusted.",
        _ => failure.Message.Split('\n')[0],
    };
}
