using FluentValidation;
using Notify.Api.Infrastructure.Validation;

namespace Notify.Api.Features.Groups;

public sealed record GroupMemberRoute(string? Group, string? UserId);

public sealed class GroupMemberRouteValidator : AbstractValidator<GroupMemberRoute>
{
    public GroupMemberRouteValidator()
    {
        RuleFor(r => r.Group).GroupName();
        RuleFor(r => r.UserId).UserId();
    }
}
