using System.Text;
using System.Text.Json;
using FluentValidation;
using Notify.Api.Infrastructure.Validation;
using Notify.Contracts;

namespace Notify.Api.Features.SendNotification;

public sealed partial class SendNotificationRequestValidator : AbstractValidator<SendNotificationRequest>
{
    public const int MaxUsers = 1000;
    public const int MaxGroups = 100;
    public const int MaxTypeLength = 100;
    public const int MaxTitleLength = 200;
    public const int MaxBodyLength = 4000;
    public const int MaxLinkLength = 2048;
    public const int MaxDataBytes = 16 * 1024;

    [System.Text.RegularExpressions.GeneratedRegex("^[a-z0-9._-]+$")]
    private static partial System.Text.RegularExpressions.Regex TypePattern();

    public SendNotificationRequestValidator()
    {
        RuleFor(r => r.To).Must(t => t is not null && (t.Everyone || t.Users is { Count: > 0 } || t.Groups is { Count: > 0 }))
            .WithMessage("'to' must name at least one target: users, groups or everyone.");
        RuleFor(r => r.To!).SetValidator(new RecipientsValidator()).When(r => r.To is not null);
        RuleFor(r => r.Type).NotEmpty().MaximumLength(MaxTypeLength)
            .Matches(TypePattern()).WithMessage("'type' may only hold a-z, 0-9 and . _ -");
        RuleFor(r => r.Title).NotEmpty().MaximumLength(MaxTitleLength);
        RuleFor(r => r.Body).MaximumLength(MaxBodyLength);
        RuleFor(r => r.Severity).Must(s => s is null || Severities.All.Contains(s))
            .WithMessage($"'severity' must be one of {string.Join(", ", Severities.All)}.");
        RuleFor(r => r.Link).MaximumLength(MaxLinkLength)
            .Must(BeAbsoluteHttpUrl).WithMessage("'link' must be an absolute http or https URL.")
            .When(r => r.Link is not null);
        RuleFor(r => r.Data)
            .Must(d => d!.Value.ValueKind == JsonValueKind.Object).WithMessage("'data' must be a JSON object.")
            .Must(d => Encoding.UTF8.GetByteCount(d!.Value.GetRawText()) <= MaxDataBytes)
            .WithMessage($"'data' must be at most {MaxDataBytes} bytes of JSON.")
            .When(r => r.Data is { ValueKind: not JsonValueKind.Null });
    }

    private static bool BeAbsoluteHttpUrl(string? link) =>
        Uri.TryCreate(link, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private sealed class RecipientsValidator : AbstractValidator<Recipients>
    {
        public RecipientsValidator()
        {
            RuleFor(t => t.Users!.Count).LessThanOrEqualTo(MaxUsers).OverridePropertyName("users")
                .WithMessage($"'users' may hold at most {MaxUsers} ids.").When(t => t.Users is not null);
            RuleFor(t => t.Users).Must(u => u!.Distinct(StringComparer.Ordinal).Count() == u!.Count)
                .WithMessage("'users' must not repeat an id.").When(t => t.Users is not null);
            RuleForEach(t => t.Users).UserId();
            RuleFor(t => t.Groups!.Count).LessThanOrEqualTo(MaxGroups).OverridePropertyName("groups")
                .WithMessage($"'groups' may hold at most {MaxGroups} names.").When(t => t.Groups is not null);
            RuleFor(t => t.Groups).Must(g => g!.Distinct(StringComparer.Ordinal).Count() == g!.Count)
                .WithMessage("'groups' must not repeat a name.").When(t => t.Groups is not null);
            RuleForEach(t => t.Groups).GroupName();
        }
    }
}
