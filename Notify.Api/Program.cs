using Notify.Api;
using Notify.Hubs;

var builder = WebApplication.CreateBuilder(args);

var signalR = builder.AddNotifyHubs();
builder.AddNotifyApi(signalR);

var app = builder.Build();

app.MapNotifyApi();
app.MapNotifyHubs();

app.Run();

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
