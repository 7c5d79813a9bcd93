using Microsoft.AspNetCore.SignalR;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Notify.Api.Features.SendNotification;
using Notify.Api.Infrastructure;
using Notify.Api.Infrastructure.Auth;
using Notify.Api.Infrastructure.Errors;
using Notify.Api.Infrastructure.Cors;
using Notify.Api.Infrastructure.OpenApi;
using Notify.Api.Infrastructure.RateLimiting;
using Notify.Api.Infrastructure.Telemetry;
using Notify.Api.Infrastructure.Health;
using Notify.Api.Infrastructure.Redis;
using Notify.Api.Infrastructure.Validation;
using StackExchange.Redis;

namespace Notify.Api;

/// <summary>Registers and maps Notify's HTTP API, its storage and the web UI.</summary>
public static class ApiExtensions
{
    /// <summary>Adds controllers, auth, validation, the mediator and the storage (Redis when configured, memory otherwise).</summary>
    public static IHostApplicationBuilder AddNotifyApi(this IHostApplicationBuilder builder, ISignalRServerBuilder signalR)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ExceptionToProblemHandler>();
        // A body that fails to parse reports only its JSON error, not a second "field is required".
        builder.Services.AddControllers(o => o.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true)
            // Errors name the JSON path ("$.to.users[0]") without .NET type names in the message.
            .AddJsonOptions(o => o.AllowInputFormatterExceptionMessages = false);

        builder.AddNotifyAuth();
        builder.AddNotifyTelemetry();
        builder.AddNotifyRateLimits();
        builder.AddNotifyOpenApi();
        builder.AddNotifyCors();
        NameRules.UseCamelCaseNames();
        builder.Services.AddValidatorsFromAssemblyContaining<SendNotificationRequestValidator>(ServiceLifetime.Singleton);
        builder.Services.AddMediator((MediatorOptions o) =>
        {
            o.Namespace = "Notify.Api.Mediator";
            o.ServiceLifetime = ServiceLifetime.Singleton;
        });
        builder.Services.AddSingleton<LiveDelivery>();

        var redis = builder.AddNotifyStorage(signalR);
        builder.AddNotifyHealth(redis.IsConfigured);
        return builder;
    }

    /// <summary>Maps the middleware, the API's controllers and the web UI (with its client-side routes).</summary>
    public static WebApplication MapNotifyApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRejectionMetrics();
        ShutdownDrain.UseRefuseHubWhileStopping(app);
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseCors();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.MapControllers();
        app.MapNotifyHealth();
        app.MapNotifyOpenApi();
        // Client-side routes get the page; unknown API paths keep their 404.
        app.MapFallbackToFile("{*path:nonfile:regex(^(?!(api|hubs|health|openapi)(/|$)).*$)}", "index.html");
        app.Lifetime.ApplicationStarted.Register(() => LogMode(app));
        return app;
    }

    private static void LogMode(WebApplication app)
    {
        var redis = app.Services.GetRequiredService<IOptions<RedisOptions>>().Value;
        if (!redis.IsConfigured)
        {
            app.Logger.LogWarning(
                "Redis is not configured (Redis:ConnectionString): running as ONE instance with in-memory storage. " +
                "Set Redis__ConnectionString to scale out; nothing is kept across restarts.");
            return;
        }
        var endpoints = ConfigurationOptions.Parse(redis.ConnectionString).EndPoints;
        app.Logger.LogInformation("Joining the Redis backplane at {Endpoints} with channel prefix '{Prefix}'",
            string.Join(", ", endpoints), redis.ChannelPrefix);
    }
}
