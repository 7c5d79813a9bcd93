// Mirrors Notify.Contracts (camelCase JSON). Keep in step with the C# records.

export type Severity = 'info' | 'success' | 'warning' | 'error';
export const severities: readonly Severity[] = ['info', 'success', 'warning', 'error'];

export interface NotificationDto {
  id: string;
  sequence: number;
  createdAt: string;
  type: string;
  title: string;
  body: string;
  severity: Severity;
  link: string | null;
  data: Record<string, unknown> | null;
  readAt: string | null;
}

export interface NotificationPage {
  items: NotificationDto[];
  /** The cursor for the following page (`before` when paging back, `after` when catching up); null at the end. */
  next: number | null;
}

export interface NotificationReadEvent {
  id: string;
  readAt: string;
}

export interface AllReadEvent {
  upToSequence: number;
  readAt: string;
}

export interface NotificationDeletedEvent {
  id: string;
}

/** The hub's first message on every connection: who it is for and the groups it was put in. */
export interface SessionStarted {
  userId: string;
  groups: string[];
}

export interface UnreadCount {
  unread: number;
}

export interface Recipients {
  users?: string[];
  groups?: string[];
  everyone?: boolean;
}

export interface SendNotificationRequest {
  to: Recipients;
  type: string;
  title: string;
  body?: string;
  severity?: Severity;
  link?: string;
  data?: Record<string, unknown>;
}

export interface NotificationAccepted {
  id: string;
  createdAt: string;
}

export interface DevTokenResponse {
  accessToken: string;
}

export interface GroupMembers {
  group: string;
  members: string[];
}

export interface MyGroups {
  groups: string[];
}

export interface ProblemDetails {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: Record<string, string[]>;
}
