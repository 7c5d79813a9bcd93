import { secondsUntil } from '../../../lib/relative-time';
import { useNotifications } from '../hooks/use-notifications';
import { useNow } from '../hooks/use-now';

export function ConnectionIndicator() {
  const { status } = useNotifications();
  const now = useNow(1000);
  let text: string;
  switch (status.kind) {
    case 'connected':
      text = 'Connected';
      break;
    case 'connecting':
      text = 'Connecting…';
      break;
    case 'reconnecting': {
      const seconds = secondsUntil(status.nextAttemptAt, now);
      text = seconds > 0 ? `Reconnecting in ${seconds} s` : 'Reconnecting…';
      break;
    }
    case 'offline':
      text = 'Offline';
      break;
    case 'idle':
      text = 'Not connected';
      break;
  }
  const title = status.kind === 'reconnecting' && status.error ? `Attempt ${status.attempt} failed: ${status.error}` : undefined;
  return (
    <p className={`connection connection-${status.kind}`} role="status" data-status={status.kind} title={title}>
      <span className="connection-dot" aria-hidden="true" />
      {text}
    </p>
  );
}
