using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Notify.Tests.Infrastructure;

namespace Notify.Tests.Features.Auth;

public sealed class AuthenticationTests(TwoInstances notify) : IClassFixture<TwoInstances>
{
    private const string DevSigningKey = "DEVELOPMENT-ONLY-signing-key-not-a-secret-0123456789";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PublishWithoutKeyIs401Problem()
    {
        var response = await notify.A.Anonymous().PostAsJsonAsync("/api/notifications", Requests.ToUsers("x", "u1"), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("X-Api-Key", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task PublishWithWrongKeyIs401()
    {
        var client = notify.A.Anonymous();
        client.DefaultRequestHeaders.Add("X-Api-Key", "notify-dev-kez");

        var response = await client.PostAsJsonAsync("/api/notifications", Requests.ToUsers("x", "u1"), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task GroupApiWithoutKeyIs401()
    {
        var response = await notify.A.Anonymous().PutAsync("/api/groups/g/members/u1", null, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task BearerTokenIsNotAPublisherKey()
    {
        var client = await notify.A.UserClientAsync("u1");

        var response = await client.PostAsJsonAsync("/api/notifications", Requests.ToUsers("x", "u2"), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task HubWithoutTokenIs401()
    {
        var response = await notify.A.Anonymous().NegotiateAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task HubConnectionWithoutTokenFails()
    {
        await using var connection = new HubConnectionBuilder().WithUrl(new Uri(notify.A.BaseAddress, "/hubs/notifications")).Build();

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync(Ct));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
    }

    [Fact]
    public async Task TokenWithoutSubIsRefused()
    {
        var token = Sign(new Claim("name", "no-sub"));

        var response = await notify.A.Anonymous().NegotiateAsync(token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("sub", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task TokenSignedWithAnotherKeyIsRefused()
    {
        var token = Sign(new Claim("sub", "u1"), key: "another-key-that-is-long-enough-0123456789");

        var response = await notify.A.Anonymous().NegotiateAsync(token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ValidTokenInQueryOpensTheHub()
    {
        var token = await notify.A.TokenAsync("u1");

        var response = await notify.A.Anonymous().NegotiateAsync(token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task AccessTokenInQueryIsIgnoredOffTheHubPath()
    {
        var token = await notify.A.TokenAsync("u1");
        var withHeader = notify.A.Anonymous();
        withHeader.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var viaQuery = await notify.A.Anonymous().GetAsync($"/api/me/groups?access_token={token}", Ct);
        var viaHeader = await withHeader.GetAsync("/api/me/groups", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, viaQuery.StatusCode);
        Assert.Equal(HttpStatusCode.OK, viaHeader.StatusCode);
    }

    [Fact]
    public async Task DevTokenEndpointValidatesTheUserId()
    {
        var response = await notify.A.Anonymous().PostAsJsonAsync("/api/dev/token", new { userId = new string('u', 129) }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("userId", await response.Content.ReadAsStringAsync(Ct));
    }

    [Theory]
    [InlineData("has\nnewline")]
    [InlineData(null)]
    public async Task TokenWhoseSubNoPublishCouldAddressIsRefused(string? sub)
    {
        var token = Sign(new Claim("sub", sub ?? new string('u', 129)));
        var client = notify.A.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var response = await client.GetAsync("/api/me/notifications", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task HubConnectionIsClosedWhenItsTokenExpires()
    {
        var token = Sign(new Claim("sub", Requests.Unique("u")), expires: DateTime.UtcNow.AddSeconds(2));
        await using var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(notify.A.BaseAddress, "/hubs/notifications"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .Build();
        var closed = new TaskCompletionSource();
        connection.Closed += _ => { closed.TrySetResult(); return Task.CompletedTask; };

        await connection.StartAsync(Ct);

        await closed.Task.WaitAsync(TimeSpan.FromSeconds(20), Ct);
    }

    [Fact]
    public async Task ValidatedTokenLeavesOnlyItsSubAndExpiryBehind()
    {
        // Every hub connection keeps its principal and ticket for hours: the token's other claims and the raw token
        // would cost memory per connection (bench W3). The expiry must survive: the hub closes on it.
        var sub = Requests.Unique("u");
        var token = Sign(new Claim("sub", sub), extra: [new Claim("email", "u@example.com"), new Claim("role", "admin")]);
        await using var scope = notify.A.Services.CreateAsyncScope();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        http.Request.Headers.Authorization = $"Bearer {token}";

        var result = await http.AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme);

        Assert.True(result.Succeeded, result.Failure?.Message);
        var claim = Assert.Single(result.Principal!.Claims);
        Assert.Equal(("sub", sub), (claim.Type, claim.Value));
        Assert.Equal(sub, result.Principal.Identity!.Name);
        Assert.Null(result.Properties!.GetTokenValue("access_token"));
        Assert.NotNull(result.Properties.ExpiresUtc);
    }

    private static string Sign(Claim claim, string key = DevSigningKey, DateTime? expires = null, Claim[]? extra = null) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Subject = new ClaimsIdentity([claim, .. extra ?? []]),
        Issuer = "notify",
        Audience = "notify",
        NotBefore = DateTime.UtcNow.AddMinutes(-1),
        Expires = expires ?? DateTime.UtcNow.AddMinutes(5),
        SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), SecurityAlgorithms.HmacSha256),
    });
}
