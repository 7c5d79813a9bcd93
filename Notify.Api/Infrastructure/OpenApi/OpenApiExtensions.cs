using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace Notify.Api.Infrastructure.OpenApi;

internal static class OpenApiExtensions
{
    public static void AddNotifyOpenApi(this IHostApplicationBuilder builder) =>
        builder.Services.AddOpenApi(o =>
        {
            o.AddDocumentTransformer((doc, _, _) =>
            {
                doc.Info = new OpenApiInfo
                {
                    Title = "Notify",
                    Version = "v1",
                    Description = "Publish notifications to users, groups or everyone (X-Api-Key), and read the signed-in user's inbox (bearer JWT). " +
                                  "Live delivery goes through the SignalR hub at /hubs/notifications.",
                };
                doc.Components ??= new OpenApiComponents();
                doc.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
                {
                    ["ApiKey"] = new OpenApiSecurityScheme { Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = "X-Api-Key", Description = "A publisher key." },
                    ["Bearer"] = new OpenApiSecurityScheme { Type = SecuritySchemeType.Http, Scheme = "bearer", BearerFormat = "JWT", Description = "A user's token; its sub is the user id." },
                };
                return Task.CompletedTask;
            });
            o.AddOperationTransformer<ExamplesTransformer>();
        });

    public static void MapNotifyOpenApi(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi();
        app.MapScalarApiReference("/docs", o => o.WithTitle("Notify API"));
    }
}
