import { useToasts, type ToastOptions } from '../hooks/use-toasts';
import { Icon } from './icons';

/** New notifications as toasts; the region is aria-live so screen readers announce each one. */
export function ToastStack(options: ToastOptions) {
  const { toasts, dismiss, pause, resume } = useToasts(options);
  return (
    <div className="toasts" role="region" aria-label="New notifications" aria-live="polite" aria-relevant="additions">
      {toasts.map((t) => (
        <div
          key={t.key}
          className={`toast severity-${t.notification?.severity ?? 'info'}`}
          data-toast={t.notification?.id ?? t.key}
          onMouseEnter={() => pause(t.key)}
          onMouseLeave={() => resume(t.key)}
          onFocus={() => pause(t.key)}
          onBlur={() => resume(t.key)}
        >
          <span className="notification-icon">
            <Icon name={t.notification?.severity ?? 'info'} />
          </span>
          <div className="toast-content">
            <p className="toast-title">{t.notification?.title ?? t.summary}</p>
            {t.notification?.body && <p className="toast-body">{t.notification.body}</p>}
          </div>
          <button type="button" className="icon-button" onClick={() => dismiss(t.key)} aria-label="Dismiss">
            <Icon name="close" size={16} />
          </button>
        </div>
      ))}
    </div>
  );
}
