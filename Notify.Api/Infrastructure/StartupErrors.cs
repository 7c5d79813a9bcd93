using Microsoft.Extensions.Options;

namespace Notify.Api.Infrastructure;

/// <summary>Recognises the start-up failures that are a configuration mistake and says which setting is wrong.</summary>
public static class StartupErrors
{
    public static string? Describe(Exception e)
    {
        var all = e is AggregateException aggregate ? aggregate.Flatten().InnerExceptions : [e, .. Inner(e)];
        var reasons = all.SelectMany(Reasons).Distinct().ToList();
        return reasons.Count == 0 ? null : string.Join(" ", reasons);
    }

    private static IEnumerable<string> Reasons(Exception e) => e switch
    {
        OptionsValidationException invalid => invalid.Failures,
        // The configuration binder's message names the setting: "Failed to convert configuration value at 'X' ...".
        InvalidOperationException bad when bad.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal) => [bad.Message],
        _ => [],
    };

    private static IEnumerable<Exception> Inner(Exception e)
    {
        for (var inner = e.InnerException; inner is not null; inner = inner.InnerException) yield return inner;
    }
}
