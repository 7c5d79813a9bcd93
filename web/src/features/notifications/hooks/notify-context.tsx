import { createContext, useContext, type ReactNode } from 'react';
import type { NotifyStore } from '../notify-client';

const NotifyContext = createContext<NotifyStore | null>(null);

/** Makes a client (created outside render) available to the hooks below it. */
export function NotifyProvider({ client, children }: { client: NotifyStore; children: ReactNode }) {
  return <NotifyContext.Provider value={client}>{children}</NotifyContext.Provider>;
}

export function useNotifyClient(): NotifyStore {
  const client = useContext(NotifyContext);
  if (!client) throw new Error('useNotifyClient must be used inside <NotifyProvider client={...}>.');
  return client;
}
