using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Notify.Api.Infrastructure.Redis;
using Notify.Contracts;
using StackExchange.Redis;

namespace Notify.Api.Infrastructure.Inbox;

/// <summary>
/// A sorted set per stream (score = sequence, member = id), one key per notification body with the retention as
/// its TTL, and per-user read marks and deletions. Appends run as one Lua script: sequence, body, streams and the
/// idempotency record change together or not at all.
/// </summary>
internal sealed class RedisInboxStore(IConnectionMultiplexer redis, RedisKeys keys, IOptions<InboxOptions> options) : IInboxStore
{
    public static readonly TimeSpan IdempotencyWindow = TimeSpan.FromHours(24);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private const string AppendScript = """
        if ARGV[6] == '1' then
          local seen = redis.call('GET', KEYS[3])
          if seen then return {0, seen} end
        end
        local seq = redis.call('INCR', KEYS[1])
        redis.call('SET', KEYS[2], ARGV[1], 'EX', ARGV[2])
        local keep = tonumber(ARGV[4])
        for i = 4, #KEYS do
          redis.call('ZADD', KEYS[i], seq, ARGV[3])
          redis.call('ZREMRANGEBYRANK', KEYS[i], 0, -(keep + 1))
          redis.call('EXPIRE', KEYS[i], ARGV[2])
        end
        if ARGV[6] == '1' then redis.call('SET', KEYS[3], ARGV[5] .. '|' .. seq, 'EX', ARGV[7]) end
        return {seq, ''}
        """;

    private IDatabase Db => redis.GetDatabase();
    private int Ttl => (int)options.Value.Retention.TotalSeconds;

    public async Task<AppendOutcome> AppendAsync(NotificationDto notification, AppendTargets targets, IdempotencyClaim? idempotency, CancellationToken ct)
    {
        RedisKey[] streams = targets.Everyone
            ? [keys.EveryoneStream]
            : [.. targets.Users.Select(keys.UserStream), .. targets.Groups.Select(keys.GroupStream)];
        var idemKey = idempotency is null ? keys.Idempotency("none") : keys.Idempotency(Digest(idempotency));
        var record = idempotency is null ? "" : string.Join('|', idempotency.RequestHash, notification.Id.ToString("N"),
            notification.CreatedAt.UtcTicks.ToString(CultureInfo.InvariantCulture));

        var result = (RedisResult[])(await Db.ScriptEvaluateAsync(AppendScript,
            [keys.Sequence, keys.Notification(notification.Id), idemKey, .. streams],
            [JsonSerializer.Serialize(notification, Json), Ttl, notification.Id.ToString("N"), options.Value.MaxPerUser,
             record, idempotency is null ? "0" : "1", (int)IdempotencyWindow.TotalSeconds]))!;

        var seq = (long)result[0];
        if (seq != 0) return new AppendOutcome(seq, null);
        var seen = ((string)result[1]!).Split('|');
        return new AppendOutcome(0, new IdempotentReplay(
            Guid.ParseExact(seen[1], "N"),
            new DateTimeOffset(long.Parse(seen[2], CultureInfo.InvariantCulture), TimeSpan.Zero),
            long.Parse(seen[3], CultureInfo.InvariantCulture),
            seen[0] == idempotency!.RequestHash));
    }

    public async Task<UserInboxState> LoadAsync(string userId, CancellationToken ct)
    {
        var db = Db;
        var history = await db.HashGetAllAsync(keys.MembershipHistory(userId));
        var max = options.Value.MaxPerUser;

        var batch = db.CreateBatch();
        var sources = new List<Task<SortedSetEntry[]>>
        {
            batch.SortedSetRangeByScoreWithScoresAsync(keys.UserStream(userId), order: Order.Descending, take: max),
            batch.SortedSetRangeByScoreWithScoresAsync(keys.EveryoneStream, order: Order.Descending, take: max),
        };
        // A group's entries count only inside the user's membership intervals.
        foreach (var entry in history)
            foreach (var interval in MembershipInterval.ParseHistory(entry.Value!))
                sources.Add(batch.SortedSetRangeByScoreWithScoresAsync(keys.GroupStream(entry.Name!),
                    start: interval.From, stop: interval.To == long.MaxValue ? double.PositiveInfinity : interval.To,
                    exclude: Exclude.Start, order: Order.Descending, take: max));
        var reads = batch.HashGetAllAsync(keys.Reads(userId));
        var readAll = batch.StringGetAsync(keys.ReadAll(userId));
        var deleted = batch.SetMembersAsync(keys.Deleted(userId));
        batch.Execute();

        var entries = new List<InboxEntry>();
        foreach (var source in sources)
            foreach (var e in await source)
                entries.Add(new InboxEntry(Guid.ParseExact(e.Element.ToString(), "N"), (long)e.Score));

        var (upTo, at) = ParseReadAll(await readAll);
        return new UserInboxState(
            entries,
            (await reads).ToDictionary(r => Guid.ParseExact(r.Name.ToString(), "N"), r => DateTimeOffset.FromUnixTimeMilliseconds((long)r.Value)),
            upTo, at,
            (await deleted).Select(d => Guid.ParseExact(d.ToString(), "N")).ToHashSet());
    }

    public async Task<IReadOnlyList<NotificationDto?>> GetAsync(IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        var values = await Db.StringGetAsync([.. ids.Select(keys.Notification)]);
        return [.. values.Select(v => v.IsNull ? null : JsonSerializer.Deserialize<NotificationDto>(v.ToString(), Json))];
    }

    public async Task MarkReadAsync(string userId, Guid id, DateTimeOffset at, CancellationToken ct)
    {
        var tx = Db.CreateTransaction();
        _ = tx.HashSetAsync(keys.Reads(userId), id.ToString("N"), at.ToUnixTimeMilliseconds(), When.NotExists);
        _ = tx.KeyExpireAsync(keys.Reads(userId), options.Value.Retention);
        await tx.ExecuteAsync();
    }

    public async Task<long> MarkAllReadAsync(string userId, DateTimeOffset at, CancellationToken ct)
    {
        var upTo = (long?)await Db.StringGetAsync(keys.Sequence) ?? 0;
        await Db.StringSetAsync(keys.ReadAll(userId), $"{upTo}|{at.ToUnixTimeMilliseconds()}", options.Value.Retention);
        return upTo;
    }

    public async Task DeleteAsync(string userId, Guid id, CancellationToken ct)
    {
        var tx = Db.CreateTransaction();
        _ = tx.SetAddAsync(keys.Deleted(userId), id.ToString("N"));
        _ = tx.KeyExpireAsync(keys.Deleted(userId), options.Value.Retention);
        _ = tx.SortedSetRemoveAsync(keys.UserStream(userId), id.ToString("N"));
        await tx.ExecuteAsync();
    }

    private static (long UpTo, DateTimeOffset? At) ParseReadAll(RedisValue value)
    {
        if (value.IsNullOrEmpty) return (0, null);
        var parts = value.ToString().Split('|');
        return (long.Parse(parts[0], CultureInfo.InvariantCulture),
            DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(parts[1], CultureInfo.InvariantCulture)));
    }

    private static string Digest(IdempotencyClaim claim) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{claim.Caller}\n{claim.Key}")));
}
