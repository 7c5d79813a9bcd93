using System.Text.RegularExpressions;
using FluentValidation;

namespace Notify.Api.Infrastructure.Validation;

/// <summary>The shapes of names that appear in bodies and routes alike, written once.</summary>
internal static partial class NameRules
{
    public const int MaxUserIdLength = 128;
    public const int MaxGroupLength = 64;

    [GeneratedRegex("^[A-Za-z0-9._:-]+$")]
    private static partial Regex GroupPattern();

    public static IRuleBuilderOptions<T, string?> UserId<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().MaximumLength(MaxUserIdLength)
            .Must(id => id is null || IsAcceptableUserId(id)).WithMessage("'{PropertyName}' must not contain control characters.");

    /// <summary>Also applied to a token's sub: a user the API could never address must not be able to sign in.</summary>
    public static bool IsAcceptableUserId(string id) => id.Length is > 0 and <= MaxUserIdLength && !id.Any(char.IsControl);

    public static IRuleBuilderOptions<T, string?> GroupName<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().MaximumLength(MaxGroupLength)
            .Matches(GroupPattern()).WithMessage("'{PropertyName}' may only hold letters, digits and . _ : -");

    /// <summary>Error keys follow the JSON the caller sent: "to.users[0]", not "To.Users[0]".</summary>
    public static void UseCamelCaseNames()
    {
        ValidatorOptions.Global.PropertyNameResolver = (_, member, _) => member is null ? null : CamelCase(member.Name);
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) => member is null ? null : CamelCase(member.Name);
    }

    private static string CamelCase(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
