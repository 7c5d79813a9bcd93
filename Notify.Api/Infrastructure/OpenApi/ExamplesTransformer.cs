using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Notify.Api.Infrastructure.Auth;

namespace Notify.Api.Infrastructure.OpenApi;

/// <summary>Marks each operation with the credential it needs and gives the publish call a worked example.</summary>
internal sealed class ExamplesTransformer : IOpenApiOperationTransformer
{
    private static readonly JsonNode PublishExample = JsonNode.Parse("""
        { "to": { "users": ["u1"], "groups": ["team-a"], "everyone": false },
          "type": "order.shipped", "title": "Your order shipped", "body": "Parcel 123 is on its way",
          "severity": "info", "link": "https://shop.example/orders/123", "data": { "orderId": 123 } }
        """)!;

    private static readonly JsonNode AcceptedExample = JsonNode.Parse("""
        { "id": "019ae3dd-b68e-7401-bd29-52fa04e6048d", "createdAt": "2026-12-03T21:42:19.0225928+00:00" }
        """)!;

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var authorize = context.Description.ActionDescriptor.EndpointMetadata.OfType<AuthorizeAttribute>().FirstOrDefault();
        if (authorize is not null)
        {
            var scheme = authorize.Policy == AuthExtensions.PublisherPolicy ? "ApiKey" : "Bearer";
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(scheme, context.Document)] = [] }];
        }

        if (context.Description.RelativePath == "api/notifications" && context.Description.HttpMethod == "POST")
        {
            if (operation.RequestBody?.Content?.TryGetValue("application/json", out var body) == true) body.Example = PublishExample;
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = "Idempotency-Key",
                In = ParameterLocation.Header,
                Description = "Optional, 1..200 characters, sent once. A retry with the same key from the same caller within 24 hours " +
                              "returns the first 202 (with Idempotent-Replayed: true); the same key with another body gives 422.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 200 },
            });
            if (operation.Responses?.TryGetValue("202", out var accepted) == true && accepted.Content?.TryGetValue("application/json", out var media) == true)
                media.Example = AcceptedExample;
        }
        return Task.CompletedTask;
    }
}
