namespace Notify.Contracts;

/// <summary>The severities a notification can have.</summary>
public static class Severities
{
    /// <summary>The default.</summary>
    public const string Info = "info";

    /// <summary>Something went well.</summary>
    public const string Success = "success";

    /// <summary>Something needs attention.</summary>
    public const string Warning = "warning";

    /// <summary>Something failed.</summary>
    public const string Error = "error";

    /// <summary>Every accepted value.</summary>
    public static readonly IReadOnlyList<string> All = [Info, Success, Warning, Error];
}
