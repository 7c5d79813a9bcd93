using Mediator;
using Notify.Api.Infrastructure.Inbox;
using Notify.Contracts;

namespace Notify.Api.Features.Inbox;

/// <summary>A page newest first (<c>Before</c>), or oldest first after a sequence (<c>After</c>) for catch-up.</summary>
public sealed record GetInboxQuery(string UserId, int Limit, long? Before, long? After) : IQuery<InboxPage>;

public sealed class GetInboxHandler(InboxView inbox) : IQueryHandler<GetInboxQuery, InboxPage>
{
    public async ValueTask<InboxPage> Handle(GetInboxQuery query, CancellationToken ct)
    {
        var view = await inbox.LoadAsync(query.UserId, ct);
        var candidates = query.After is { } after
            ? view.NewestFirst.Where(e => e.Sequence > after).Reverse().ToList()
            : [.. view.NewestFirst.Where(e => query.Before is not { } before || e.Sequence < before)];
        var page = candidates.Take(query.Limit).ToList();
        long? next = candidates.Count > page.Count ? page[^1].Sequence : null;
        return new InboxPage(await inbox.MaterializeAsync(view, page, ct), next);
    }
}

public sealed record GetUnreadCountQuery(string UserId) : IQuery<UnreadCount>;

public sealed class GetUnreadCountHandler(InboxView inbox) : IQueryHandler<GetUnreadCountQuery, UnreadCount>
{
    public async ValueTask<UnreadCount> Handle(GetUnreadCountQuery query, CancellationToken ct) =>
        new((await inbox.LoadAsync(query.UserId, ct)).UnreadCount);
}
