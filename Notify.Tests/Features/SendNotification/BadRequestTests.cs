using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Notify.Tests.Infrastructure;

namespace Notify.Tests.Features.SendNotification;

public sealed class BadRequestTests(TwoInstances notify) : IClassFixture<TwoInstances>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<HttpResponseMessage> PostRaw(string json) =>
        notify.A.Api.PostAsync("/api/notifications", new StringContent(json, Encoding.UTF8, "application/json"), Ct);

    [Theory]
    [InlineData("{\"to\":{\"users\":[\"u1\"]},\"type\":\"a\",\"title\":\"x\"", "$")]
    [InlineData("{\"to\":{\"users\":[1]},\"type\":\"a\",\"title\":\"x\"}", "$.to.users[0]")]
    [InlineData("{\"to\":{\"users\":\"u1\"},\"type\":\"a\",\"title\":\"x\"}", "$.to.users")]
    [InlineData("{\"to\":{\"everyone\":\"yes\"},\"type\":\"a\",\"title\":\"x\"}", "$.to.everyone")]
    [InlineData("{\"to\":{\"users\":[\"u1\"]},\"type\":\"a\",\"title\":\"x\",\"severity\":\"fatal\"}", "severity")]
    [InlineData("{\"to\":{\"users\":[\"u1\"]},\"type\":\"a\",\"title\":\"x\",\"severity\":3}", "$.severity")]
    [InlineData("{\"to\":{\"users\":[\"u1\"]},\"type\":\"a\",\"title\":\"x\",\"data\":\"text\"}", "data")]
    [InlineData("{\"to\":{},\"type\":\"a\",\"title\":\"x\"}", "to")]
    [InlineData("{\"type\":\"a\",\"title\":\"x\"}", "to")]
    [InlineData("", "")]
    [InlineData("[]", "$")]
    public async Task BadBodyIsValidationProblemNamingTheField(string json, string field)
    {
        var response = await PostRaw(json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain("System.", text);
        Assert.DoesNotContain("Notify.Contracts", text);
        var problem = System.Text.Json.JsonSerializer.Deserialize<ValidationProblemDetails>(text, System.Text.Json.JsonSerializerOptions.Web);
        Assert.Contains(problem!.Errors.Keys, k => k == field || k.StartsWith(field + ".", StringComparison.Ordinal) || (field == "$" && k.StartsWith('$')));
    }

    [Fact]
    public async Task BodyOver64KiBIs413Problem()
    {
        var json = $"{{\"to\":{{\"users\":[\"u1\"]}},\"type\":\"a\",\"title\":\"x\",\"body\":\"{new string('b', 64 * 1024)}\"}}";

        var response = await PostRaw(json);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ChunkedBodyOver64KiBIs413()
    {
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes($"{{\"title\":\"{new string('t', 70 * 1024)}\"}}")));
        content.Headers.ContentType = new("application/json");

        var response = await notify.A.Api.PostAsync("/api/notifications", content, Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task BodyJustUnder64KiBIsJudgedOnItsFields()
    {
        var padding = new string('d', 64 * 1024 - 200);
        var json = $"{{\"to\":{{\"users\":[\"u1\"]}},\"type\":\"a\",\"title\":\"x\",\"body\":\"{padding}\"}}";

        var response = await PostRaw(json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("body", (await response.Content.ReadFromJsonAsync<ValidationProblemDetails>(Ct))!.Errors.Keys);
    }

    [Fact]
    public async Task DataOver16KiBIsRefusedAndAtTheLimitAccepted()
    {
        static object WithData(int bytes) => new
        {
            to = new { users = new[] { "u1" } }, type = "a", title = "x",
            data = new { v = new string('x', bytes - "{\"v\":\"\"}".Length) },
        };

        var atLimit = await notify.A.Api.PostAsJsonAsync("/api/notifications", WithData(16 * 1024), Ct);
        var over = await notify.A.Api.PostAsJsonAsync("/api/notifications", WithData(16 * 1024 + 1), Ct);

        Assert.Equal(HttpStatusCode.Accepted, atLimit.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, over.StatusCode);
    }

    [Theory]
    [InlineData("/api/nothing-here")]
    [InlineData("/api")]
    [InlineData("/health")]
    [InlineData("/hubs")]
    [InlineData("/openapi")]
    public async Task UnknownPathIs404Problem(string path)
    {
        var response = await notify.A.Api.GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
