import { describe, expect, it } from 'vitest';
import type { NotificationDto } from '../../../types/api';
import { arrivals, emptyInbox, inboxReducer, type InboxAction, type InboxState } from './inbox-reducer';

let counter = 0;
function note(sequence: number, overrides: Partial<NotificationDto> = {}): NotificationDto {
  counter += 1;
  return {
    id: `00000000-0000-7000-8000-${String(counter).padStart(12, '0')}`,
    sequence,
    createdAt: new Date(Date.UTC(2030, 0, 1, 0, 0, sequence)).toISOString(),
    type: 'test.note',
    title: `Note ${sequence}`,
    body: '',
    severity: 'info',
    link: null,
    data: null,
    readAt: null,
    ...overrides,
  };
}

const run = (actions: InboxAction[], from: InboxState = emptyInbox) => actions.reduce(inboxReducer, from);
const sequences = (state: InboxState) => state.items.map((n) => n.sequence);

describe('inboxReducer', () => {
  it('puts a new notification first and counts it unread', () => {
    const state = run([{ type: 'received', items: [note(1)] }, { type: 'received', items: [note(2)] }]);
    expect(sequences(state)).toEqual([2, 1]);
    expect(state.unread).toBe(2);
    expect(state.lastSequence).toBe(2);
  });

  it('keeps one copy of a duplicate, live or from a catch-up', () => {
    const first = note(1);
    const state = run([
      { type: 'received', items: [first] },
      { type: 'received', items: [first] },
      { type: 'pageLoaded', items: [first, { ...first }], next: null },
    ]);
    expect(state.items).toHaveLength(1);
    expect(state.unread).toBe(1);
  });

  it('orders an out-of-order catch-up newest first', () => {
    const state = run([
      { type: 'received', items: [note(5)] },
      { type: 'received', items: [note(3), note(4), note(7), note(6)] },
    ]);
    expect(sequences(state)).toEqual([7, 6, 5, 4, 3]);
    expect(state.lastSequence).toBe(7);
  });

  it('does not lower lastSequence when an older page arrives', () => {
    const state = run([
      { type: 'received', items: [note(9)] },
      { type: 'pageLoaded', items: [note(2), note(1)], next: null },
    ]);
    expect(state.lastSequence).toBe(9);
    expect(sequences(state)).toEqual([9, 2, 1]);
  });

  it('orders by time then id while sequences are all zero', () => {
    const early = note(0, { createdAt: '2030-01-01T00:00:01Z' });
    const late = note(0, { createdAt: '2030-01-01T00:00:02Z' });
    expect(run([{ type: 'received', items: [late, early] }]).items.map((n) => n.id)).toEqual([late.id, early.id]);
  });

  it('marks one read once', () => {
    const target = note(1);
    const state = run([
      { type: 'received', items: [target, note(2)] },
      { type: 'read', id: target.id, readAt: '2030-01-02T00:00:00Z' },
      { type: 'read', id: target.id, readAt: '2030-01-03T00:00:00Z' },
    ]);
    expect(state.items.find((n) => n.id === target.id)?.readAt).toBe('2030-01-02T00:00:00Z');
    expect(state.unread).toBe(1);
  });

  it('ignores a read for one it does not hold', () => {
    const start = run([{ type: 'received', items: [note(1)] }]);
    expect(inboxReducer(start, { type: 'read', id: 'elsewhere', readAt: '2030-01-02T00:00:00Z' })).toBe(start);
  });

  it('marks all up to a sequence read', () => {
    const state = run([
      { type: 'received', items: [note(1), note(2), note(3)] },
      { type: 'allRead', upToSequence: 2, readAt: '2030-01-02T00:00:00Z' },
    ]);
    expect(state.items.map((n) => n.readAt !== null)).toEqual([false, true, true]);
    expect(state.unread).toBe(1);
  });

  it('clears the count when all read covers the newest', () => {
    const state = run([
      { type: 'received', items: [note(1), note(2)] },
      { type: 'unreadCounted', unread: 40 },
      { type: 'allRead', upToSequence: 2, readAt: '2030-01-02T00:00:00Z' },
    ]);
    expect(state.unread).toBe(0);
  });

  it('deletes one, and a late copy does not bring it back', () => {
    const target = note(1);
    const state = run([
      { type: 'received', items: [target, note(2)] },
      { type: 'deleted', id: target.id },
      { type: 'received', items: [target] },
    ]);
    expect(sequences(state)).toEqual([2]);
    expect(state.unread).toBe(1);
    expect(arrivals(state, [target])).toEqual([]);
  });

  it('takes the read state of a catch-up copy that was read elsewhere', () => {
    const target = note(1);
    const state = run([
      { type: 'received', items: [target] },
      { type: 'received', items: [{ ...target, readAt: '2030-01-02T00:00:00Z' }] },
    ]);
    expect(state.items[0]?.readAt).toBe('2030-01-02T00:00:00Z');
    expect(state.unread).toBe(0);
  });

  it('takes the server unread count as the truth', () => {
    expect(run([{ type: 'received', items: [note(1)] }, { type: 'unreadCounted', unread: 12 }]).unread).toBe(12);
  });

  it('keeps the older-page cursor and the page status', () => {
    const loading = run([{ type: 'pageRequested' }]);
    expect(loading.pageStatus).toBe('loading');
    const loaded = inboxReducer(loading, { type: 'pageLoaded', items: [note(3)], next: 3 });
    expect(loaded).toMatchObject({ pageStatus: 'ready', olderCursor: 3 });
    expect(inboxReducer(loaded, { type: 'pageFailed', error: 'boom' })).toMatchObject({ pageStatus: 'error', error: 'boom' });
  });
});

describe('arrivals', () => {
  it('returns only ids never held, once each', () => {
    const held = note(1);
    const fresh = note(2);
    const state = run([{ type: 'received', items: [held] }]);
    expect(arrivals(state, [held, fresh, fresh])).toEqual([fresh]);
  });
});
