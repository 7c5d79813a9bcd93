using Microsoft.Extensions.Options;
using Notify.Api;
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
catch (Exception e) when (e is OptionsValidationException || e.InnerException is OptionsValidationException)
{
    // One line that names the setting, not a stack trace: this is an operator's mistake, not a crash.
    var failures = (e as AggregateException)?.InnerExceptions ?? [e];
    Console.Error.WriteLine($"Notify cannot start: {string.Join(" ", failures.OfType<OptionsValidationException>().SelectMany(f => f.Failures))}");
    return 1;
}

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
