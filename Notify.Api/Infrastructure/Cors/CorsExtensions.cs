namespace Notify.Api.Infrastructure.Cors;

internal static class CorsExtensions
{
    public const string Section = "Cors:AllowedOrigins";

    /// <summary>
    /// Browsers on other origins may call the API and hub only if listed in Cors:AllowedOrigins. Outside Development
    /// the list is empty by default; in Development any origin is allowed, for local front-end servers.
    /// </summary>
    public static void AddNotifyCors(this IHostApplicationBuilder builder)
    {
        var origins = builder.Configuration.GetSection(Section).Get<string[]>() ?? [];
        var anyOrigin = builder.Environment.IsDevelopment() && origins.Length == 0;
        builder.Services.AddCors(o => o.AddDefaultPolicy(p =>
        {
            if (anyOrigin) p.SetIsOriginAllowed(_ => true);
            else p.WithOrigins(origins);
            // SignalR's browser client sends credentials; the token itself travels in the URL or a header.
            p.AllowAnyHeader().AllowAnyMethod().AllowCredentials().WithExposedHeaders("Retry-After", "Idempotent-Replayed");
        }));
    }
}
