import type { HubConnection } from '@microsoft/signalr';
import { HttpError } from '../../lib/http';
import { NotifyConnection, type ConnectionStatus } from '../../lib/notify-connection';
import type { BackoffOptions } from '../../lib/backoff';
import type { AllReadEvent, NotificationDeletedEvent, NotificationDto, NotificationReadEvent, SessionStarted, UnreadCount } from '../../types/api';
import { createInboxApi, type InboxApi } from './api/inbox-api';
import { arrivals, emptyInbox, inboxReducer, type InboxAction, type InboxState } from './state/inbox-reducer';

export interface NotifyClientOptions {
  /** Notify instances, tried in turn; default: the page's own origin. */
  baseUrls?: readonly string[];
  /** A token for the signed-in user; asked again on every (re)connect and after a 401. */
  getAccessToken: (baseUrl: string) => Promise<string>;
  pageSize?: number;
  backoff?: BackoffOptions;
}

export interface NotifySnapshot {
  inbox: InboxState;
  status: ConnectionStatus;
  /** False when the server has no inbox API (404): live delivery still works, history and read state do not. */
  inboxAvailable: boolean;
  /** The user's groups as the hub reported them when the connection started (SessionStarted). */
  groups: readonly string[] | null;
}

export type ArrivalListener = (notifications: NotificationDto[]) => void;

/** What the hooks use: a NotifyClient, or a stand-in in tests. */
export type NotifyStore = Pick<
  NotifyClient,
  'subscribe' | 'getSnapshot' | 'onArrival' | 'loadMore' | 'retry' | 'markRead' | 'markAllRead' | 'remove' | 'dismissError' | 'myGroups' | 'baseUrl'
>;

const hubPath = '/hubs/notifications';
const maxCatchUpPages = 10;

/**
 * Everything a tab needs from Notify: one connection, the inbox state and the actions. Create it outside React
 * (at sign-in, not in render) and hand it to NotifyProvider; React only subscribes to it.
 */
export class NotifyClient {
  private readonly connection: NotifyConnection;
  private readonly api: InboxApi;
  private readonly pageSize: number;
  private readonly listeners = new Set<() => void>();
  private readonly arrivalListeners = new Set<ArrivalListener>();
  private snapshot: NotifySnapshot = { inbox: emptyInbox, status: { kind: 'idle' }, inboxAvailable: true, groups: null };
  private token: Promise<string> | null = null;
  private firstPageLoaded = false;
  private catchingUp: Promise<void> | null = null;
  /** Where the last connection ended: live sends on the new one must not move it past a gap. */
  private resumePoint: number | null = null;
  private unreadChanges = 0;

  constructor(private readonly options: NotifyClientOptions) {
    this.pageSize = options.pageSize ?? 20;
    const connectionOptions = {
      baseUrls: options.baseUrls && options.baseUrls.length > 0 ? options.baseUrls : [''],
      hubPath,
      accessToken: () => this.accessToken(true),
      register: (hub: HubConnection) => this.register(hub),
      onConnected: (_: string, isReconnect: boolean) => void (isReconnect && this.firstPageLoaded ? this.catchUp() : this.loadFirstPage()),
      onResumed: () => void this.catchUp(),
    };
    this.connection = new NotifyConnection(options.backoff ? { ...connectionOptions, backoff: options.backoff } : connectionOptions);
    this.api = createInboxApi(() => this.connection.baseUrl, (fresh) => this.accessToken(fresh));
    this.connection.subscribe((status) => {
      if (status.kind !== 'connected' && this.resumePoint === null && this.firstPageLoaded) this.resumePoint = this.snapshot.inbox.lastSequence;
      this.update({ status });
    });
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): NotifySnapshot => this.snapshot;

  /** Notifications new to this tab, live or from a reconnect catch-up (never from paging): what deserves a toast. */
  onArrival(listener: ArrivalListener): () => void {
    this.arrivalListeners.add(listener);
    return () => this.arrivalListeners.delete(listener);
  }

  start(): void {
    this.connection.start();
  }

  stop(): Promise<void> {
    return this.connection.stop();
  }

  get baseUrl(): string {
    return this.connection.baseUrl;
  }

  readonly loadMore = async (): Promise<void> => {
    const { olderCursor, pageStatus } = this.snapshot.inbox;
    if (pageStatus === 'loading' || olderCursor === null) return;
    if (olderCursor === undefined) return this.loadFirstPage();
    await this.loadPage(olderCursor);
  };

  readonly retry = (): Promise<void> => (this.firstPageLoaded ? this.loadMore() : this.loadFirstPage());

  readonly markRead = (id: string): Promise<void> =>
    this.act({ type: 'read', id, readAt: new Date().toISOString() }, () => this.api.markRead(id), 'mark it read');

  readonly markAllRead = (): Promise<void> =>
    this.act(
      { type: 'allRead', upToSequence: this.snapshot.inbox.lastSequence, readAt: new Date().toISOString() },
      () => this.api.markAllRead(),
      'mark all read',
    );

  readonly remove = (id: string): Promise<void> => this.act({ type: 'deleted', id }, () => this.api.remove(id), 'delete it');

  readonly dismissError = (): void => this.dispatch({ type: 'failed', error: null });

  myGroups(): Promise<string[]> {
    return this.api.myGroups().then((g) => g.groups);
  }

  private register(hub: HubConnection): void {
    hub.on('NotificationReceived', (n: NotificationDto) => this.receive([n]));
    hub.on('NotificationRead', (e: NotificationReadEvent) => this.dispatch({ type: 'read', id: e.id, readAt: e.readAt }));
    hub.on('AllNotificationsRead', (e: AllReadEvent) => this.dispatch({ type: 'allRead', upToSequence: e.upToSequence, readAt: e.readAt }));
    hub.on('NotificationDeleted', (e: NotificationDeletedEvent) => this.dispatch({ type: 'deleted', id: e.id }));
    hub.on('UnreadCountChanged', (e: UnreadCount) => this.dispatch({ type: 'unreadCounted', unread: e.unread }));
    hub.on('SessionStarted', (e: SessionStarted) => this.update({ groups: e.groups }));
    // The instance's link to Redis came back: live sends may be missing in the middle, so look at the newest page too.
    hub.on('ResyncRequested', () => void this.resync());
  }

  private receive(items: NotificationDto[]): void {
    const fresh = arrivals(this.snapshot.inbox, items).filter((n) => !n.readAt);
    this.dispatch({ type: 'received', items });
    if (fresh.length > 0) for (const listener of this.arrivalListeners) listener(fresh);
  }

  private async loadFirstPage(): Promise<void> {
    await this.loadPage(undefined);
    if (this.snapshot.inbox.pageStatus === 'ready') {
      this.firstPageLoaded = true;
      await this.refreshUnread();
    }
  }

  private async loadPage(before: number | undefined): Promise<void> {
    this.dispatch({ type: 'pageRequested' });
    try {
      const page = await this.api.page(this.pageSize, before);
      this.dispatch({ type: 'pageLoaded', items: page.items, next: page.next });
    } catch (error) {
      if (this.isMissingInbox(error)) this.dispatch({ type: 'pageLoaded', items: [], next: null });
      else this.dispatch({ type: 'pageFailed', error: `Could not load notifications: ${message(error)}` });
    }
  }

  /** After a reconnect: everything after the last sequence held, oldest first, merged without duplicates. */
  private catchUp(): Promise<void> {
    if (!this.firstPageLoaded) return this.loadFirstPage();
    this.catchingUp ??= (async () => {
      try {
        if (!this.snapshot.inboxAvailable) return;
        let after: number | null = this.resumePoint ?? this.snapshot.inbox.lastSequence;
        for (let page = 0; after !== null && page < maxCatchUpPages; page++) {
          const result = await this.api.after(after, 100);
          this.receive(result.items);
          after = result.next;
        }
        this.resumePoint = null;
        // Two publishes racing through different instances can arrive out of order; if the old connection ended
        // between them, the lower one is below the resume point. The newest page fills such a hole.
        this.receive((await this.api.page(this.pageSize, undefined)).items);
        await this.refreshUnread();
      } catch (error) {
        if (!this.isMissingInbox(error)) this.dispatch({ type: 'failed', error: `Could not catch up: ${message(error)}` });
      } finally {
        this.catchingUp = null;
      }
    })();
    return this.catchingUp;
  }

  private async resync(): Promise<void> {
    if (!this.firstPageLoaded) return;
    try {
      this.receive((await this.api.page(100, undefined)).items);
    } catch (error) {
      if (!this.isMissingInbox(error)) this.dispatch({ type: 'failed', error: `Could not catch up: ${message(error)}` });
    }
    await this.catchUp();
  }

  /** The server's count, unless something changed it while the answer was on its way: then ask again. */
  private async refreshUnread(): Promise<void> {
    for (let tries = 0; tries < 3 && this.snapshot.inboxAvailable; tries++) {
      const changesBefore = this.unreadChanges;
      try {
        const { unread } = await this.api.unreadCount();
        if (changesBefore !== this.unreadChanges) continue;
        this.dispatch({ type: 'unreadCounted', unread });
      } catch (error) {
        this.isMissingInbox(error);
      }
      return;
    }
  }

  private async act(optimistic: InboxAction, call: () => Promise<void>, what: string): Promise<void> {
    this.dispatch(optimistic);
    try {
      await call();
    } catch (error) {
      this.dispatch({ type: 'failed', error: `Could not ${what}: ${message(error)}` });
      await this.refreshUnread();
    }
  }

  private isMissingInbox(error: unknown): boolean {
    if (!(error instanceof HttpError) || (error.status !== 404 && error.status !== 405)) return false;
    this.update({ inboxAvailable: false });
    return true;
  }

  private accessToken(fresh: boolean): Promise<string> {
    if (fresh || !this.token) {
      this.token = this.options.getAccessToken(this.connection.baseUrl);
      this.token.catch(() => (this.token = null));
    }
    return this.token;
  }

  private dispatch(action: InboxAction): void {
    const inbox = inboxReducer(this.snapshot.inbox, action);
    if (action.type !== 'unreadCounted' && inbox.unread !== this.snapshot.inbox.unread) this.unreadChanges += 1;
    this.update({ inbox });
  }

  private update(change: Partial<NotifySnapshot>): void {
    const next = { ...this.snapshot, ...change };
    if (
      next.inbox === this.snapshot.inbox &&
      next.status === this.snapshot.status &&
      next.inboxAvailable === this.snapshot.inboxAvailable &&
      next.groups === this.snapshot.groups
    )
      return;
    this.snapshot = next;
    for (const listener of this.listeners) listener();
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
