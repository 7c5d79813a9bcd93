using Microsoft.AspNetCore.Diagnostics;
using StackExchange.Redis;

namespace Notify.Api.Infrastructure.Errors;

/// <summary>
/// Turns the failures a caller can cause or should retry into ProblemDetails with the right status;
/// anything else stays a 500 from the default handler.
/// </summary>
internal sealed class ExceptionToProblemHandler(IProblemDetailsService problems, ILogger<ExceptionToProblemHandler> logger) : IExceptionHandler
{
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        var (status, title, detail) = exception switch
        {
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
                (413, "Payload Too Large", $"The request body is larger than {RequestLimits.MaxBodyBytes} bytes."),
            BadHttpRequestException bad => (bad.StatusCode, "Bad Request", bad.Message),
            RedisException or RedisTimeoutException or TimeoutException when IsStorage(exception) =>
                (503, "Service Unavailable", "Storage (Redis) is unreachable, so nothing was stored or changed. Retry after the Retry-After delay."),
            _ => (0, "", ""),
        };
        if (status == 0) return false;

        if (status == 503)
        {
            logger.LogWarning("Answering 503: {Reason}", exception.Message);
            http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        http.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }

    private static bool IsStorage(Exception e) => e is RedisException || e.Source?.Contains("Redis", StringComparison.Ordinal) == true;
}

internal static class RequestLimits
{
    public const int MaxBodyBytes = 64 * 1024;
}
