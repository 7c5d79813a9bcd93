import { useEffect, useRef } from 'react';
import { useNotifications } from '../hooks/use-notifications';
import { useNow } from '../hooks/use-now';
import { NotificationItem } from './notification-item';

interface Props {
  id: string;
  onClose: () => void;
}

export function NotificationPanel({ id, onClose }: Props) {
  const inbox = useNotifications();
  const now = useNow(15_000);
  const heading = useRef<HTMLHeadingElement>(null);
  const sentinel = useRef<HTMLDivElement>(null);
  const { loadMore, hasMore, loading, loadFailed } = inbox;

  useEffect(() => heading.current?.focus(), []);

  // Infinite scroll: load the next older page when the end of the list comes into view.
  useEffect(() => {
    const target = sentinel.current;
    if (!target || !hasMore || loading || loadFailed) return;
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && void loadMore(), { rootMargin: '120px' });
    observer.observe(target);
    return () => observer.disconnect();
  }, [loadMore, hasMore, loading, loadFailed]);

  const empty = inbox.notifications.length === 0;
  return (
    <section
      id={id}
      className="panel"
      role="dialog"
      aria-modal="false"
      aria-labelledby={`${id}-title`}
    >
      <header className="panel-header">
        <h2 id={`${id}-title`} ref={heading} tabIndex={-1}>
          Notifications
        </h2>
        <button
          type="button"
          className="text-button"
          disabled={inbox.unread === 0}
          onClick={() => {
            void inbox.markAllRead();
            // The button is about to be disabled: keep the focus in the panel.
            heading.current?.focus();
          }}
        >
          Mark all read
        </button>
        <button type="button" className="icon-button panel-close" onClick={onClose} aria-label="Close notifications">
          ×
        </button>
      </header>
      {!inbox.inboxAvailable && (
        <p className="panel-note">This server has no inbox API yet: you see what arrives while the page is open.</p>
      )}
      {inbox.error && !loadFailed && (
        <div className="panel-error" role="alert">
          <span>{inbox.error}</span>
          <button type="button" className="text-button" onClick={inbox.dismissError}>
            Dismiss
          </button>
        </div>
      )}
      <div className="panel-body">
        {empty && !loading && !loadFailed && (
          <div className="panel-empty">
            <p className="panel-empty-title">You're all caught up</p>
            <p>New notifications will show up here.</p>
          </div>
        )}
        {!empty && (
          <ul className="notification-list" aria-label="Notifications, newest first">
            {inbox.notifications.map((n) => (
              <NotificationItem key={n.id} notification={n} now={now} onRead={(i) => void inbox.markRead(i)} onDelete={(i) => void inbox.remove(i)} />
            ))}
          </ul>
        )}
        {loadFailed && (
          <div className="panel-error" role="alert">
            <span>{inbox.error}</span>
            <button type="button" className="text-button" onClick={() => void inbox.retry()}>
              Retry
            </button>
          </div>
        )}
        {loading && <p className="panel-loading" aria-live="polite">Loading…</p>}
        {hasMore && !loading && !loadFailed && !empty && (
          <div ref={sentinel} className="panel-more">
            <button type="button" className="text-button" onClick={() => void loadMore()}>
              Load older
            </button>
          </div>
        )}
      </div>
    </section>
  );
}
