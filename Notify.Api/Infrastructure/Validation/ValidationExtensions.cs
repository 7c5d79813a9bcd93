using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc;

namespace Notify.Api.Infrastructure.Validation;

internal static class ValidationExtensions
{
    /// <summary>A 400 ValidationProblemDetails (through the app's ProblemDetails factory) whose keys name the offending fields.</summary>
    public static ActionResult ToProblem(this ValidationResult result, ControllerBase controller)
    {
        foreach (var error in result.Errors)
            controller.ModelState.AddModelError(error.PropertyName, error.ErrorMessage);
        return controller.ValidationProblem();
    }
}
