import { useState, type FormEvent } from 'react';
import { severities, type Recipients, type SendNotificationRequest, type Severity } from '../../../types/api';
import type { PublisherApi } from '../api/publisher-api';
import { ProblemMessage } from './problem-message';

type Target = 'users' | 'groups' | 'everyone';

const list = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

export function SendForm({ api, defaultUser }: { api: PublisherApi; defaultUser: string }) {
  const [target, setTarget] = useState<Target>('users');
  const [recipients, setRecipients] = useState(defaultUser);
  const [title, setTitle] = useState('Hello from Notify');
  const [body, setBody] = useState('This notification went through the API, Redis and SignalR.');
  const [severity, setSeverity] = useState<Severity>('info');
  const [type, setType] = useState('demo.message');
  const [link, setLink] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [sent, setSent] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const to: Recipients = target === 'everyone' ? { everyone: true } : { [target]: list(recipients) };
    const request: SendNotificationRequest = { to, type, title, body, severity };
    if (link.trim()) request.link = link.trim();
    setBusy(true);
    setError(null);
    setSent(null);
    try {
      const accepted = await api.send(request);
      setSent(`Sent at ${new Date(accepted.createdAt).toLocaleTimeString()} (id ${accepted.id})`);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card" onSubmit={(e) => void submit(e)} aria-labelledby="send-title" data-testid="send-form">
      <h2 id="send-title">Send a notification</h2>
      <fieldset className="segmented">
        <legend>To</legend>
        {(['users', 'groups', 'everyone'] as const).map((t) => (
          <label key={t}>
            <input type="radio" name="target" value={t} checked={target === t} onChange={() => setTarget(t)} />
            <span>{t === 'users' ? 'Users' : t === 'groups' ? 'Groups' : 'Everyone'}</span>
          </label>
        ))}
      </fieldset>
      {target !== 'everyone' && (
        <label className="field">
          <span>{target === 'users' ? 'User names' : 'Group names'} (comma separated)</span>
          <input name="recipients" value={recipients} onChange={(e) => setRecipients(e.target.value)} required />
        </label>
      )}
      <div className="field-row">
        <label className="field">
          <span>Severity</span>
          <select name="severity" value={severity} onChange={(e) => setSeverity(e.target.value as Severity)}>
            {severities.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Type</span>
          <input name="type" value={type} onChange={(e) => setType(e.target.value)} required />
        </label>
      </div>
      <label className="field">
        <span>Title</span>
        <input name="title" value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} required />
      </label>
      <label className="field">
        <span>Body</span>
        <textarea name="body" value={body} onChange={(e) => setBody(e.target.value)} maxLength={4000} rows={2} />
      </label>
      <label className="field">
        <span>Link (optional)</span>
        <input name="link" type="url" value={link} onChange={(e) => setLink(e.target.value)} placeholder="https://example.com/orders/123" />
      </label>
      <ProblemMessage error={error} />
      {sent && (
        <p className="form-success" role="status">
          {sent}
        </p>
      )}
      <button type="submit" className="primary-button" disabled={busy}>
        {busy ? 'Sending…' : 'Send'}
      </button>
    </form>
  );
}
