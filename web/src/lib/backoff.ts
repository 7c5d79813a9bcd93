export interface BackoffOptions {
  /** The ceiling of the first retry's delay. */
  initialMs: number;
  /** No delay ever exceeds this. */
  maxMs: number;
  factor: number;
}

export const defaultBackoff: BackoffOptions = { initialMs: 500, maxMs: 30_000, factor: 2 };

/**
 * The delay before retry number `attempt` (0 for the first): capped exponential growth with "equal jitter",
 * i.e. a random value in [ceiling/2, ceiling]. Half the ceiling keeps retries from hammering a recovering server;
 * the random half spreads thousands of tabs that lost the same instance at the same moment.
 */
export function backoffDelay(attempt: number, options: BackoffOptions = defaultBackoff, random: () => number = Math.random): number {
  const ceiling = Math.min(options.maxMs, options.initialMs * options.factor ** Math.max(0, attempt));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
