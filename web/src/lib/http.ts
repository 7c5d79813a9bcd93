import type { ProblemDetails } from '../types/api';

/** A non-2xx answer, with the server's ProblemDetails when it sent one. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly problem: ProblemDetails | null,
    readonly retryAfterMs: number | null,
  ) {
    super(describe(status, problem));
    this.name = 'HttpError';
  }
}

function describe(status: number, problem: ProblemDetails | null): string {
  const fieldErrors = Object.entries(problem?.errors ?? {}).map(([field, messages]) => `${field}: ${messages.join(' ')}`);
  const title = problem?.title ?? `HTTP ${status}`;
  return fieldErrors.length > 0 ? `${title} (${fieldErrors.join('; ')})` : problem?.detail ? `${title}: ${problem.detail}` : title;
}

function retryAfter(response: Response): number | null {
  const header = response.headers.get('Retry-After');
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, date - Date.now());
}

/** Joins a base URL ('' for same origin, '/prefix' or 'https://host') and an absolute path. */
export function joinUrl(baseUrl: string, path: string): string {
  return baseUrl.replace(/\/+$/, '') + path;
}

export interface RequestOptions {
  method?: string;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/** fetch with JSON in and out; throws HttpError on any non-2xx. */
export async function requestJson<T>(url: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  const init: RequestInit = { method: options.method ?? 'GET', headers };
  if (options.signal) init.signal = options.signal;
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(options.body);
  }
  const response = await fetch(url, init);
  if (!response.ok) {
    let problem: ProblemDetails | null = null;
    try {
      problem = (await response.json()) as ProblemDetails;
    } catch {
      // Not JSON: the status says enough.
    }
    throw new HttpError(response.status, problem, retryAfter(response));
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}
