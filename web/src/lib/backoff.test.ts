import { describe, expect, it } from 'vitest';
import { backoffDelay, defaultBackoff } from './backoff';

describe('backoffDelay', () => {
  it('doubles the ceiling each attempt', () => {
    const top = (attempt: number) => backoffDelay(attempt, defaultBackoff, () => 1);
    expect([0, 1, 2, 3, 4, 5].map(top)).toEqual([500, 1000, 2000, 4000, 8000, 16000]);
  });

  it('never exceeds the cap, however many attempts', () => {
    expect(backoffDelay(6, defaultBackoff, () => 1)).toBe(30_000);
    expect(backoffDelay(1_000, defaultBackoff, () => 1)).toBe(30_000);
  });

  it('keeps the jitter within half the ceiling and the ceiling', () => {
    expect(backoffDelay(3, defaultBackoff, () => 0)).toBe(2000);
    expect(backoffDelay(3, defaultBackoff, () => 0.5)).toBe(3000);
    for (let i = 0; i < 200; i++) {
      const delay = backoffDelay(20);
      expect(delay).toBeGreaterThanOrEqual(15_000);
      expect(delay).toBeLessThanOrEqual(30_000);
    }
  });

  it('spreads clients that retry the same attempt', () => {
    const delays = new Set(Array.from({ length: 50 }, () => backoffDelay(4)));
    expect(delays.size).toBeGreaterThan(10);
  });

  it('treats a negative attempt as the first', () => {
    expect(backoffDelay(-3, defaultBackoff, () => 1)).toBe(500);
  });
});
