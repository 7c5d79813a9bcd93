import { useCallback, useEffect, useRef, useState } from 'react';
import type { NotificationDto } from '../../../types/api';
import { useNotifyClient } from './notify-context';

export interface Toast {
  key: string;
  notification: NotificationDto | null;
  /** For a summary toast ("12 new notifications") after a long absence. */
  summary: string | null;
}

export interface ToastOptions {
  autoHideMs?: number;
  /** More arrivals than this at once (a long catch-up) become one summary toast. */
  maxAtOnce?: number;
  maxVisible?: number;
}

/** One toast per notification new to this tab; a catch-up never repeats one already shown. */
export function useToasts({ autoHideMs = 6000, maxAtOnce = 5, maxVisible = 4 }: ToastOptions = {}) {
  const client = useNotifyClient();
  const [toasts, setToasts] = useState<Toast[]>([]);
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());

  const dismiss = useCallback((key: string) => {
    clearTimeout(timers.current.get(key));
    timers.current.delete(key);
    setToasts((current) => current.filter((t) => t.key !== key));
  }, []);

  const schedule = useCallback(
    (key: string) => {
      if (autoHideMs > 0) timers.current.set(key, setTimeout(() => dismiss(key), autoHideMs));
    },
    [autoHideMs, dismiss],
  );

  const pause = useCallback((key: string) => clearTimeout(timers.current.get(key)), []);

  useEffect(() => {
    const pending = timers.current;
    const unsubscribe = client.onArrival((arrived) => {
      const added: Toast[] =
        arrived.length > maxAtOnce
          ? [{ key: `summary-${arrived[0]?.id ?? Date.now()}`, notification: null, summary: `${arrived.length} new notifications` }]
          : arrived.map((n) => ({ key: n.id, notification: n, summary: null }));
      added.forEach((t) => schedule(t.key));
      setToasts((current) => [...added.reverse(), ...current].slice(0, maxVisible));
    });
    return () => {
      unsubscribe();
      pending.forEach(clearTimeout);
      pending.clear();
    };
  }, [client, maxAtOnce, maxVisible, schedule]);

  return { toasts, dismiss, pause, resume: schedule };
}
