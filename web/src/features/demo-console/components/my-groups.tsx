import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { HttpError } from '../../../lib/http';
import { useNotifyClient } from '../../notifications/hooks/notify-context';

/** The signed-in user's groups, as the server holds them (GET /api/me/groups). */
export function MyGroups({ userId, version }: { userId: string; version: number }) {
  const client = useNotifyClient();
  const [fetched, setGroups] = useState<string[] | null>(null);
  // The hub tells the groups on connect; the API call (and Refresh) picks up later changes.
  const announced = useSyncExternalStore(client.subscribe, () => client.getSnapshot().groups);
  const groups = fetched ?? announced;
  const [note, setNote] = useState<string | null>(null);

  const load = useCallback(() => {
    client.myGroups().then(
      (g) => {
        setGroups(g);
        setNote(null);
      },
      (error: unknown) => setNote(error instanceof HttpError && error.status === 404 ? 'This server cannot list your groups yet.' : String(error)),
    );
  }, [client]);

  useEffect(load, [load, version]);

  return (
    <section className="card" aria-labelledby="groups-title">
      <div className="card-title-row">
        <h2 id="groups-title">Your groups</h2>
        <button type="button" className="text-button" onClick={load}>
          Refresh
        </button>
      </div>
      <p className="hint">
        Signed in as <strong data-testid="signed-in-user">{userId}</strong>.
      </p>
      {note && <p className="hint">{note}</p>}
      {groups && groups.length === 0 && <p className="hint">Not in any group yet: add yourself below.</p>}
      {groups && groups.length > 0 && (
        <ul className="chips" data-testid="my-groups">
          {groups.map((g) => (
            <li key={g} className="chip">
              {g}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
