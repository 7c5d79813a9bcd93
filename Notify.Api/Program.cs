using Microsoft.Extensions.Options;
using Notify.Api;
using Notify.Api.Infrastructure;
using Notify.Hubs;

try
{
    var builder = WebApplication.CreateBuilder(args);

    var signalR = builder.AddNotifyHubs();
    builder.AddNotifyApi(signalR);

    var app = builder.Build();

    app.MapNotifyApi();
    app.MapNotifyHubs();

    app.Run();
    return 0;
}
catch (Exception e) when (StartupErrors.Describe(e) is { } reason)
{
    // One line that names the setting, not a stack trace: this is an operator's mistake, not a crash.
    Console.Error.WriteLine($"Notify cannot start: {reason}");
    return 1;
}

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
