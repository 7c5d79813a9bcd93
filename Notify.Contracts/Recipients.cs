namespace Notify.Contracts;

/// <summary>Who receives a notification. At least one target must be given; <c>everyone</c> reaches every user.</summary>
/// <param name="Users">Distinct user ids (the <c>sub</c> of their tokens), 1 to 1000.</param>
/// <param name="Groups">Group names, each a member of the server-side group list.</param>
/// <param name="Everyone">True to reach every user, connected or not.</param>
public sealed record Recipients(IReadOnlyList<string>? Users = null, IReadOnlyList<string>? Groups = null, bool Everyone = false);
