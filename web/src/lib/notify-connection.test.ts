import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// A stand-in for SignalR's HubConnection: start() fails while `failing` says so.
const hub = vi.hoisted(() => ({
  state: 'Disconnected',
  baseUrl: '',
  failing: 0,
  starts: [] as string[],
  tokens: [] as string[],
  factory: null as null | (() => Promise<string>),
  close: null as null | ((error?: Error) => void),
  handlers: [] as string[],
}));

vi.mock('@microsoft/signalr', () => ({
  HttpTransportType: { WebSockets: 1 },
  LogLevel: { Warning: 3 },
  HubConnectionState: { Disconnected: 'Disconnected', Connected: 'Connected' },
  HubConnectionBuilder: class {
    withUrl(url: string, options: { accessTokenFactory: () => Promise<string> }) {
      hub.baseUrl = url;
      hub.factory = options.accessTokenFactory;
      return this;
    }
    configureLogging() {
      return this;
    }
    build() {
      return {
        get state() {
          return hub.state;
        },
        set baseUrl(url: string) {
          hub.baseUrl = url;
        },
        on: (name: string) => hub.handlers.push(name),
        onclose: (callback: (error?: Error) => void) => (hub.close = callback),
        start: async () => {
          hub.starts.push(hub.baseUrl);
          hub.tokens.push(await hub.factory!());
          if (hub.failing > 0) {
            hub.failing -= 1;
            throw new Error('refused');
          }
          hub.state = 'Connected';
        },
        stop: async () => {
          hub.state = 'Disconnected';
        },
      };
    }
  },
}));

import { NotifyConnection, type ConnectionStatus } from './notify-connection';

const created: NotifyConnection[] = [];

function connection(baseUrls = ['http://a', 'http://b']) {
  let issued = 0;
  const connected: [string, boolean][] = [];
  const statuses: ConnectionStatus['kind'][] = [];
  const c = new NotifyConnection({
    baseUrls,
    hubPath: '/hubs/notifications',
    accessToken: async () => `token-${++issued}`,
    register: (h) => h.on('NotificationReceived', () => undefined),
    onConnected: (url, isReconnect) => connected.push([url, isReconnect]),
    random: () => 1,
  });
  c.subscribe((s) => statuses.push(s.kind));
  created.push(c);
  return { c, connected, statuses };
}

describe('NotifyConnection', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    Object.assign(hub, { state: 'Disconnected', failing: 0, starts: [], tokens: [], handlers: [] });
  });
  afterEach(async () => {
    await Promise.all(created.splice(0).map((c) => c.stop()));
    vi.useRealTimers();
  });

  it('attaches the handlers before the first start', () => {
    connection();
    expect(hub.handlers).toEqual(['NotificationReceived']);
    expect(hub.starts).toEqual([]);
  });

  it('retries a failed first start with backoff, moving between instances, with a fresh token each time', async () => {
    hub.failing = 3;
    const { c, connected } = connection();
    c.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(c.current).toMatchObject({ kind: 'reconnecting', attempt: 1 });
    await vi.advanceTimersByTimeAsync(500);
    await vi.advanceTimersByTimeAsync(1000);
    await vi.advanceTimersByTimeAsync(2000);
    expect(hub.starts).toEqual([
      'http://a/hubs/notifications',
      'http://b/hubs/notifications',
      'http://a/hubs/notifications',
      'http://b/hubs/notifications',
    ]);
    expect(hub.tokens).toEqual(['token-1', 'token-2', 'token-3', 'token-4']);
    expect(connected).toEqual([['http://b', false]]);
    expect(c.current.kind).toBe('connected');
  });

  it('keeps retrying long after the library would have given up, never waiting more than the cap', async () => {
    hub.failing = 25;
    const { c } = connection();
    c.start();
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(hub.starts).toHaveLength(25);
    const status = c.current;
    if (status.kind === 'reconnecting') expect(status.nextAttemptAt - Date.now()).toBeLessThanOrEqual(30_000);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(c.current.kind).toBe('connected');
  });

  it('reconnects after a drop and says it is a reconnect', async () => {
    const { c, connected } = connection();
    c.start();
    await vi.advanceTimersByTimeAsync(0);
    hub.state = 'Disconnected';
    hub.close!(new Error('gone'));
    expect(c.current.kind).toBe('reconnecting');
    await vi.advanceTimersByTimeAsync(500);
    expect(connected).toEqual([
      ['http://a', false],
      ['http://b', true],
    ]);
  });

  it('tries at once when the tab becomes visible instead of waiting for the timer', async () => {
    hub.failing = 5;
    const { c } = connection();
    c.start();
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(500 + 1000 + 2000 + 4000);
    expect(hub.starts).toHaveLength(5);
    hub.failing = 0;
    document.dispatchEvent(new Event('visibilitychange'));
    await vi.advanceTimersByTimeAsync(0);
    expect(hub.starts).toHaveLength(6);
    expect(c.current.kind).toBe('connected');
  });

  it('stops for good when stopped', async () => {
    hub.failing = 1;
    const { c } = connection();
    c.start();
    await vi.advanceTimersByTimeAsync(0);
    await c.stop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(hub.starts).toHaveLength(1);
    expect(c.current.kind).toBe('idle');
  });
});
