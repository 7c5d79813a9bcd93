import { HttpTransportType, HubConnectionBuilder, HubConnectionState, LogLevel, type HubConnection } from '@microsoft/signalr';
import { backoffDelay, defaultBackoff, type BackoffOptions } from './backoff';

export type ConnectionStatus =
  | { kind: 'idle' }
  | { kind: 'connecting'; baseUrl: string }
  | { kind: 'connected'; baseUrl: string; since: number }
  | { kind: 'reconnecting'; attempt: number; nextAttemptAt: number; error: string | null }
  | { kind: 'offline' };

export interface NotifyConnectionOptions {
  /** Notify instances to try in turn: '' (same origin), '/prefix', or an absolute URL (needs CORS). */
  baseUrls: readonly string[];
  hubPath: string;
  /** Asked on every (re)connect, so an expired token is never reused. */
  accessToken: (baseUrl: string) => Promise<string>;
  /** Attaches the hub's handlers: called once, before the first start(), so no early message is lost. */
  register: (hub: HubConnection) => void;
  /** Connected; `isReconnect` after the first time, when the caller must catch up on what it missed. */
  onConnected: (baseUrl: string, isReconnect: boolean) => void;
  /** The tab came back while connected: the caller may check for anything it missed. */
  onResumed?: () => void;
  backoff?: BackoffOptions;
  random?: () => number;
}

function resolve(baseUrl: string, path: string): string {
  return new URL(baseUrl.replace(/\/+$/, '') + path, window.location.href).href;
}

/**
 * One SignalR connection that stays up for as long as it is started: it retries forever with capped exponential
 * backoff and jitter (the library's automatic reconnect gives up after about 45 s and never covers a failed first
 * start), moves to the next instance on each failure, pauses while the browser is offline and retries at once when
 * the tab becomes visible or the network comes back.
 */
export class NotifyConnection {
  readonly hub: HubConnection;
  private status: ConnectionStatus = { kind: 'idle' };
  private readonly listeners = new Set<(status: ConnectionStatus) => void>();
  private running = false;
  private everConnected = false;
  private retryRequested = false;
  private urlIndex = 0;
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly options: NotifyConnectionOptions) {
    if (options.baseUrls.length === 0) throw new Error('NotifyConnection needs at least one base URL.');
    this.hub = new HubConnectionBuilder()
      // The hub is WebSockets only: skipping negotiation means one request per connect and no sticky sessions.
      .withUrl(resolve(this.baseUrl, options.hubPath), {
        accessTokenFactory: () => options.accessToken(this.baseUrl),
        transport: HttpTransportType.WebSockets,
        skipNegotiation: true,
      })
      .configureLogging(LogLevel.Warning)
      .build();
    options.register(this.hub);
    this.hub.onclose((error) => this.closed(error));
  }

  /** The instance in use now, or the one the next attempt goes to. */
  get baseUrl(): string {
    return this.options.baseUrls[this.urlIndex] ?? '';
  }

  get current(): ConnectionStatus {
    return this.status;
  }

  subscribe(listener: (status: ConnectionStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    document.addEventListener('visibilitychange', this.visibilityChanged);
    window.addEventListener('online', this.resume);
    window.addEventListener('offline', this.wentOffline);
    if (navigator.onLine) void this.connect();
    else this.setStatus({ kind: 'offline' });
  }

  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    document.removeEventListener('visibilitychange', this.visibilityChanged);
    window.removeEventListener('online', this.resume);
    window.removeEventListener('offline', this.wentOffline);
    await this.hub.stop();
    this.setStatus({ kind: 'idle' });
  }

  /** Try now instead of waiting for the scheduled attempt; when connected, let the caller check for gaps. */
  readonly resume = (): void => {
    if (!this.running) return;
    if (this.hub.state === HubConnectionState.Connected) {
      this.options.onResumed?.();
      return;
    }
    if (this.hub.state === HubConnectionState.Disconnected) void this.connect();
    else this.retryRequested = true;
  };

  private readonly visibilityChanged = (): void => {
    if (document.visibilityState === 'visible') this.resume();
  };

  private readonly wentOffline = (): void => {
    if (!this.running) return;
    clearTimeout(this.timer);
    this.setStatus({ kind: 'offline' });
    // The socket is dead anyway; closing it now means the catch-up starts as soon as the network is back.
    void this.hub.stop();
  };

  private async connect(): Promise<void> {
    clearTimeout(this.timer);
    if (!this.running || this.hub.state !== HubConnectionState.Disconnected) return;
    const baseUrl = this.baseUrl;
    this.hub.baseUrl = resolve(baseUrl, this.options.hubPath);
    this.setStatus({ kind: 'connecting', baseUrl });
    try {
      await this.hub.start();
    } catch (error) {
      if (this.running) this.scheduleRetry(error);
      return;
    }
    if (!this.running) {
      await this.hub.stop();
      return;
    }
    this.attempt = 0;
    const isReconnect = this.everConnected;
    this.everConnected = true;
    this.setStatus({ kind: 'connected', baseUrl, since: Date.now() });
    this.options.onConnected(baseUrl, isReconnect);
  }

  private closed(error: Error | undefined): void {
    if (!this.running) return;
    if (!navigator.onLine) {
      this.setStatus({ kind: 'offline' });
      return;
    }
    if (this.retryRequested) {
      this.retryRequested = false;
      void this.connect();
      return;
    }
    this.scheduleRetry(error);
  }

  private scheduleRetry(error: unknown): void {
    // Any instance will do: after a failure try the next, so a stopped one is left behind at once.
    this.urlIndex = (this.urlIndex + 1) % this.options.baseUrls.length;
    const delay = backoffDelay(this.attempt, this.options.backoff ?? defaultBackoff, this.options.random);
    this.attempt += 1;
    this.setStatus({
      kind: 'reconnecting',
      attempt: this.attempt,
      nextAttemptAt: Date.now() + delay,
      error: error instanceof Error ? error.message : null,
    });
    this.timer = setTimeout(() => void this.connect(), delay);
  }

  private setStatus(status: ConnectionStatus): void {
    this.status = status;
    for (const listener of this.listeners) listener(status);
  }
}
