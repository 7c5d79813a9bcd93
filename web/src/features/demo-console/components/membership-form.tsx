import { useState, type FormEvent } from 'react';
import type { PublisherApi } from '../api/publisher-api';
import { ProblemMessage } from './problem-message';

interface Props {
  api: PublisherApi;
  defaultUser: string;
  onChanged: () => void;
}

export function MembershipForm({ api, defaultUser, onChanged }: Props) {
  const [group, setGroup] = useState('team-a');
  const [userId, setUserId] = useState(defaultUser);
  const [members, setMembers] = useState<string[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const run = async (change: 'add' | 'remove' | 'list') => {
    setBusy(true);
    setError(null);
    try {
      if (change === 'add') await api.addMember(group, userId);
      if (change === 'remove') await api.removeMember(group, userId);
      setMembers((await api.members(group)).members);
      if (change !== 'list') onChanged();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run('add');
  };

  return (
    <form className="card" onSubmit={submit} aria-labelledby="membership-title" data-testid="membership-form">
      <h2 id="membership-title">Group membership</h2>
      <p className="hint">Membership belongs to the server: a publisher adds and removes users; live connections follow at once.</p>
      <div className="field-row">
        <label className="field">
          <span>Group</span>
          <input name="group" value={group} onChange={(e) => setGroup(e.target.value)} maxLength={64} required />
        </label>
        <label className="field">
          <span>User</span>
          <input name="member" value={userId} onChange={(e) => setUserId(e.target.value)} maxLength={128} required />
        </label>
      </div>
      <div className="button-row">
        <button type="submit" className="primary-button" disabled={busy}>
          Add
        </button>
        <button type="button" className="secondary-button" disabled={busy} onClick={() => void run('remove')}>
          Remove
        </button>
        <button type="button" className="secondary-button" disabled={busy} onClick={() => void run('list')}>
          List members
        </button>
      </div>
      <ProblemMessage error={error} />
      {members && (
        <p className="members" role="status">
          <strong>{group}</strong>: {members.length === 0 ? 'no members' : members.join(', ')}
        </p>
      )}
    </form>
  );
}
