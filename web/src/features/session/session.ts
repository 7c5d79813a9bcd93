import { NotifyClient } from '../notifications/notify-client';
import { HttpError } from '../../lib/http';
import { fetchDevToken } from './api/dev-token';

export interface Session {
  userId: string;
  client: NotifyClient;
}

const userStorage = 'notify.userId';

export function rememberedUser(): string | null {
  return localStorage.getItem(userStorage);
}

/** Creates and starts the tab's one client: called from sign-in (an event), never from render. */
export function openSession(userId: string, instances: readonly string[]): Session {
  const client = new NotifyClient({ baseUrls: instances, getAccessToken: (baseUrl) => fetchDevToken(baseUrl, userId) });
  client.start();
  localStorage.setItem(userStorage, userId);
  return { userId, client };
}

export async function closeSession(session: Session): Promise<void> {
  localStorage.removeItem(userStorage);
  await session.client.stop();
}

/** Checks the user name with the first instance that answers, so a bad one is reported on the form. */
export async function checkSignIn(userId: string, instances: readonly string[]): Promise<void> {
  let last: unknown = null;
  for (const baseUrl of instances) {
    try {
      await fetchDevToken(baseUrl, userId);
      return;
    } catch (error) {
      last = error;
      if (error instanceof HttpError) throw error;
    }
  }
  throw last;
}
