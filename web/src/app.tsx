import { useState } from 'react';
import { DemoConsole } from './features/demo-console/components/demo-console';
import { ConnectionIndicator } from './features/notifications/components/connection-indicator';
import { NotificationBell } from './features/notifications/components/notification-bell';
import { ToastStack } from './features/notifications/components/toast-stack';
import { NotifyProvider } from './features/notifications/hooks/notify-context';
import { SignInForm } from './features/session/components/sign-in-form';
import { checkSignIn, closeSession, openSession, type Session } from './features/session/session';

interface Props {
  initialSession: Session | null;
  instances: readonly string[];
}

export function App({ initialSession, instances }: Props) {
  const [session, setSession] = useState(initialSession);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const signIn = async (userId: string) => {
    setBusy(true);
    setError(null);
    try {
      await checkSignIn(userId, instances);
      setSession(openSession(userId, instances));
    } catch (err) {
      setError(`Could not sign in: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      setBusy(false);
    }
  };

  const signOut = () => {
    if (session) void closeSession(session);
    setSession(null);
  };

  const brand = (
    <div className="brand">
      <span className="brand-mark" aria-hidden="true" />
      <span>Notify</span>
      <span className="brand-tag">demo</span>
    </div>
  );

  if (!session) {
    return (
      <div className="app">
        <header className="topbar">{brand}</header>
        <main className="main main-narrow">
          <SignInForm onSignIn={(u) => void signIn(u)} busy={busy} error={error} />
        </main>
      </div>
    );
  }

  return (
    <NotifyProvider client={session.client}>
      <div className="app">
        <header className="topbar">
          {brand}
          <div className="topbar-actions">
            <ConnectionIndicator />
            <NotificationBell />
            <button type="button" className="secondary-button" onClick={signOut}>
              Sign out <span className="visually-hidden">{session.userId}</span>
            </button>
          </div>
        </header>
        <main className="main">
          <DemoConsole key={session.userId} userId={session.userId} />
        </main>
        <ToastStack />
      </div>
    </NotifyProvider>
  );
}
