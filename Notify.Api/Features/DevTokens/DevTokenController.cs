using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Filters;
using Notify.Api.Infrastructure.Auth;
using Notify.Api.Infrastructure.Validation;
using Notify.Contracts;

namespace Notify.Api.Features.DevTokens;

/// <summary>Development only: signs a token for any user, so the demo page and tests can sign in.</summary>
[ApiController, Route("api/dev/token"), DevelopmentOnly]
public sealed class DevTokenController(DevTokenIssuer issuer, IValidator<DevTokenRequest> validator) : ControllerBase
{
    [HttpPost]
    [ProducesResponseType<DevTokenResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult<DevTokenResponse>> Issue([FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Disallow)] DevTokenRequest request, CancellationToken ct)
    {
        var result = await validator.ValidateAsync(request, ct);
        if (!result.IsValid) return result.ToProblem(this);
        return new DevTokenResponse(issuer.Issue(request.UserId!));
    }
}

public sealed class DevTokenRequestValidator : AbstractValidator<DevTokenRequest>
{
    public DevTokenRequestValidator() => RuleFor(r => r.UserId).UserId();
}

/// <summary>Outside Development the endpoint does not exist: 404, as for any unknown path.</summary>
[AttributeUsage(AttributeTargets.Class)]
internal sealed class DevelopmentOnlyAttribute : Attribute, IResourceFilter
{
    public void OnResourceExecuting(ResourceExecutingContext context)
    {
        if (!context.HttpContext.RequestServices.GetRequiredService<IHostEnvironment>().IsDevelopment())
            context.Result = new NotFoundResult();
    }

    public void OnResourceExecuted(ResourceExecutedContext context) { }
}
