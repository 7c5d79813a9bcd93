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
        rule.NotEmpty().MaximumLength(MaxUserIdLength);

    public static IRuleBuilderOptions<T, string?> GroupName<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().MaximumLength(MaxGroupLength)
            .Matches(GroupPattern()).WithMessage("'{PropertyName}' may only hold letters, digits and . _ : -");

    /// <summary>Error keys follow the JSON the caller sent: "to.users[0]", not "To.Users[0]".</summary>
    public static void UseCamelCaseNames() =>
        ValidatorOptions.Global.PropertyNameResolver = (_, member, _) =>
            member is null ? null : char.ToLowerInvariant(member.Name[0]) + member.Name[1..];
}
