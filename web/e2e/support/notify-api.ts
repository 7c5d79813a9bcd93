const devKey = 'notify-dev-key';

export interface SentNotification {
  id: string;
  createdAt: string;
}

export interface SendBody {
  to: { users?: string[]; groups?: string[]; everyone?: boolean };
  title: string;
  body?: string;
  severity?: 'info' | 'success' | 'warning' | 'error';
  type?: string;
  link?: string;
}

async function call(url: string, init: RequestInit, expected: number): Promise<Response> {
  const response = await fetch(url, init);
  if (response.status !== expected) throw new Error(`${init.method ?? 'GET'} ${url}: ${response.status} ${await response.text()}`);
  return response;
}

export async function send(baseUrl: string, body: SendBody): Promise<SentNotification> {
  const response = await call(
    `${baseUrl}/api/notifications`,
    { method: 'POST', headers: { 'X-Api-Key': devKey, 'Content-Type': 'application/json' }, body: JSON.stringify({ type: 'e2e.test', ...body }) },
    202,
  );
  return (await response.json()) as SentNotification;
}

export async function addMember(baseUrl: string, group: string, userId: string): Promise<void> {
  await call(`${baseUrl}/api/groups/${group}/members/${userId}`, { method: 'PUT', headers: { 'X-Api-Key': devKey } }, 204);
}

export async function token(baseUrl: string, userId: string): Promise<string> {
  const response = await call(
    `${baseUrl}/api/dev/token`,
    { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ userId }) },
    200,
  );
  return ((await response.json()) as { accessToken: string }).accessToken;
}

export function unique(prefix: string): string {
  return `${prefix}-${Math.random().toString(36).slice(2, 8)}`;
}
