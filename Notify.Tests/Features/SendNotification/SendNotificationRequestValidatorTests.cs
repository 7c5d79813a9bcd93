using System.Text.Json;
using Notify.Api.Features.SendNotification;
using Notify.Contracts;

namespace Notify.Tests.Features.SendNotification;

public sealed class SendNotificationRequestValidatorTests
{
    private static readonly SendNotificationRequestValidator Validator = new();

    private static SendNotificationRequest Valid => new(new Recipients(Users: ["u1"]), "order.shipped", "Your order shipped");

    private static IReadOnlyList<string> Errors(SendNotificationRequest r)
    {
        Notify.Api.Infrastructure.Validation.NameRules.UseCamelCaseNames();
        return [.. Validator.Validate(r).Errors.Select(e => e.PropertyName).Distinct()];
    }

    private static string[] Ids(int n) => [.. Enumerable.Range(0, n).Select(i => $"u{i}")];

    [Fact] public void ValidRequestPasses() => Assert.Empty(Errors(Valid));

    [Fact] public void NoTargetFails() => Assert.Equal(["to"], Errors(Valid with { To = new Recipients() }));
    [Fact] public void MissingToFails() => Assert.Equal(["to"], Errors(Valid with { To = null }));
    [Fact] public void EveryoneAloneIsATarget() => Assert.Empty(Errors(Valid with { To = new Recipients(Everyone: true) }));
    [Fact] public void GroupAloneIsATarget() => Assert.Empty(Errors(Valid with { To = new Recipients(Groups: ["team-a"]) }));

    [Fact] public void ThousandUsersPass() => Assert.Empty(Errors(Valid with { To = new Recipients(Users: Ids(1000)) }));
    [Fact] public void ThousandAndOneUsersFail() => Assert.Equal(["to.users"], Errors(Valid with { To = new Recipients(Users: Ids(1001)) }));
    [Fact] public void RepeatedUserFails() => Assert.Equal(["to.users"], Errors(Valid with { To = new Recipients(Users: ["a", "a"]) }));
    [Fact] public void UserIdOf128Passes() => Assert.Empty(Errors(Valid with { To = new Recipients(Users: [new string('u', 128)]) }));
    [Fact] public void UserIdOf129Fails() => Assert.Equal(["to.users[0]"], Errors(Valid with { To = new Recipients(Users: [new string('u', 129)]) }));
    [Fact] public void EmptyUserIdFails() => Assert.Equal(["to.users[1]"], Errors(Valid with { To = new Recipients(Users: ["a", ""]) }));

    [Fact] public void GroupOf64Passes() => Assert.Empty(Errors(Valid with { To = new Recipients(Groups: [new string('g', 64)]) }));
    [Fact] public void GroupOf65Fails() => Assert.Equal(["to.groups[0]"], Errors(Valid with { To = new Recipients(Groups: [new string('g', 65)]) }));
    [Fact] public void GroupWithAllAllowedCharactersPasses() => Assert.Empty(Errors(Valid with { To = new Recipients(Groups: ["Team_a.b:c-9"]) }));
    [Fact] public void GroupWithSpaceFails() => Assert.Equal(["to.groups[0]"], Errors(Valid with { To = new Recipients(Groups: ["team a"]) }));
    [Fact] public void GroupWithSlashFails() => Assert.Equal(["to.groups[0]"], Errors(Valid with { To = new Recipients(Groups: ["team/a"]) }));
    [Fact] public void RepeatedGroupFails() => Assert.Equal(["to.groups"], Errors(Valid with { To = new Recipients(Groups: ["g", "g"]) }));
    [Fact] public void HundredGroupsPass() => Assert.Empty(Errors(Valid with { To = new Recipients(Groups: Ids(100)) }));
    [Fact] public void HundredAndOneGroupsFail() => Assert.Equal(["to.groups"], Errors(Valid with { To = new Recipients(Groups: Ids(101)) }));

    [Fact] public void TypeOf100Passes() => Assert.Empty(Errors(Valid with { Type = new string('t', 100) }));
    [Fact] public void TypeOf101Fails() => Assert.Equal(["type"], Errors(Valid with { Type = new string('t', 101) }));
    [Fact] public void EmptyTypeFails() => Assert.Equal(["type"], Errors(Valid with { Type = "" }));
    [Fact] public void UppercaseTypeFails() => Assert.Equal(["type"], Errors(Valid with { Type = "Order.Shipped" }));
    [Fact] public void TypeWithAllowedPunctuationPasses() => Assert.Empty(Errors(Valid with { Type = "a.b_c-9" }));

    [Fact] public void TitleOf200Passes() => Assert.Empty(Errors(Valid with { Title = new string('t', 200) }));
    [Fact] public void TitleOf201Fails() => Assert.Equal(["title"], Errors(Valid with { Title = new string('t', 201) }));
    [Fact] public void EmptyTitleFails() => Assert.Equal(["title"], Errors(Valid with { Title = "" }));
    [Fact] public void TitleOfOneCharacterPasses() => Assert.Empty(Errors(Valid with { Title = "t" }));

    [Fact] public void BodyOf4000Passes() => Assert.Empty(Errors(Valid with { Body = new string('b', 4000) }));
    [Fact] public void BodyOf4001Fails() => Assert.Equal(["body"], Errors(Valid with { Body = new string('b', 4001) }));
    [Fact] public void EmptyBodyPasses() => Assert.Empty(Errors(Valid with { Body = "" }));

    [Theory, InlineData("info"), InlineData("success"), InlineData("warning"), InlineData("error")]
    public void KnownSeverityPasses(string s) => Assert.Empty(Errors(Valid with { Severity = s }));

    [Theory, InlineData("fatal"), InlineData("Info"), InlineData("")]
    public void UnknownSeverityFails(string s) => Assert.Equal(["severity"], Errors(Valid with { Severity = s }));

    [Theory, InlineData("https://shop.example/orders/123"), InlineData("http://localhost:5080/x")]
    public void HttpLinkPasses(string link) => Assert.Empty(Errors(Valid with { Link = link }));

    [Theory, InlineData("/orders/123"), InlineData("ftp://shop.example/x"), InlineData("javascript:alert(1)"), InlineData("")]
    public void OtherLinkFails(string link) => Assert.Equal(["link"], Errors(Valid with { Link = link }));

    [Fact] public void DataOf16KiBPasses() => Assert.Empty(Errors(Valid with { Data = DataOfBytes(16 * 1024) }));
    [Fact] public void DataOf16KiBAndOneByteFails() => Assert.Equal(["data"], Errors(Valid with { Data = DataOfBytes(16 * 1024 + 1) }));
    [Fact] public void DataArrayFails() => Assert.Equal(["data"], Errors(Valid with { Data = JsonDocument.Parse("[1]").RootElement }));
    [Fact] public void DataNullPasses() => Assert.Empty(Errors(Valid with { Data = JsonDocument.Parse("null").RootElement }));

    private static JsonElement DataOfBytes(int bytes) =>
        JsonDocument.Parse($"{{\"v\":\"{new string('x', bytes - 8)}\"}}").RootElement;
}
