import { describe, expect, it } from 'vitest';
import { formatRelative, secondsUntil } from './relative-time';

const now = Date.parse('2030-01-10T12:00:00Z');
const ago = (seconds: number) => new Date(now - seconds * 1000).toISOString();

describe('formatRelative', () => {
  it.each([
    [0, 'just now'],
    [44, 'just now'],
    [60, '1 minute ago'],
    [5 * 60, '5 minutes ago'],
    [3 * 3600, '3 hours ago'],
    [24 * 3600, 'yesterday'],
    [3 * 24 * 3600, '3 days ago'],
  ])('%i seconds ago is "%s"', (seconds, expected) => {
    expect(formatRelative(ago(seconds), now)).toBe(expected);
  });

  it('is empty for a date it cannot read', () => {
    expect(formatRelative('not a date', now)).toBe('');
  });
});

describe('secondsUntil', () => {
  it('rounds up and stops at zero', () => {
    expect(secondsUntil(now + 1200, now)).toBe(2);
    expect(secondsUntil(now - 5000, now)).toBe(0);
  });
});
