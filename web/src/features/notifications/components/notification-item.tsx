import type { NotificationDto } from '../../../types/api';
import { formatRelative } from '../../../lib/relative-time';
import { Icon } from './icons';

interface Props {
  notification: NotificationDto;
  now: number;
  onRead: (id: string) => void;
  onDelete: (id: string) => void;
}

export function NotificationItem({ notification: n, now, onRead, onDelete }: Props) {
  const unread = !n.readAt;
  const markReadOnOpen = () => unread && onRead(n.id);
  return (
    <li className={`notification severity-${n.severity}${unread ? ' is-unread' : ''}`} data-notification-id={n.id}>
      <span className="notification-icon">
        <Icon name={n.severity} />
      </span>
      <div className="notification-content">
        <p className="notification-title">
          {n.link ? (
            <a href={n.link} target="_blank" rel="noopener noreferrer" onClick={markReadOnOpen}>
              {n.title}
            </a>
          ) : (
            n.title
          )}
          {unread && <span className="visually-hidden"> (unread)</span>}
        </p>
        {n.body && <p className="notification-body">{n.body}</p>}
        <p className="notification-meta">
          <time dateTime={n.createdAt} title={new Date(n.createdAt).toLocaleString()}>
            {formatRelative(n.createdAt, now)}
          </time>
          <span aria-hidden="true"> · </span>
          <span className="notification-type">{n.type}</span>
        </p>
      </div>
      <div className="notification-actions">
        {unread && (
          <button type="button" className="icon-button" onClick={() => onRead(n.id)} aria-label={`Mark "${n.title}" read`} title="Mark read">
            <Icon name="check" size={18} />
          </button>
        )}
        <button type="button" className="icon-button" onClick={() => onDelete(n.id)} aria-label={`Delete "${n.title}"`} title="Delete">
          <Icon name="trash" size={18} />
        </button>
      </div>
    </li>
  );
}
