import { useState, type FormEvent } from 'react';

interface Props {
  onSignIn: (userId: string) => void;
  busy: boolean;
  error: string | null;
}

export function SignInForm({ onSignIn, busy, error }: Props) {
  const [userId, setUserId] = useState('u1');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (userId.trim()) onSignIn(userId.trim());
  };
  return (
    <form className="card sign-in" onSubmit={submit} aria-labelledby="sign-in-title">
      <h2 id="sign-in-title">Sign in</h2>
      <p className="hint">Development sign-in: Notify signs a token for any user name.</p>
      <label className="field">
        <span>User name</span>
        <input value={userId} onChange={(e) => setUserId(e.target.value)} maxLength={128} required autoComplete="username" name="userId" />
      </label>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="primary-button" disabled={busy}>
        {busy ? 'Signing in…' : 'Sign in and connect'}
      </button>
    </form>
  );
}
