import { describe, expect, it } from 'vitest';
import { readPageConfig } from './page-config';

describe('readPageConfig', () => {
  it('defaults to the same origin and no user', () => {
    expect(readPageConfig('')).toEqual({ user: null, instances: [''] });
  });

  it('reads the user and the instance list in order', () => {
    expect(readPageConfig('?user=u1&instances=/a,%20/b,,http://h:1')).toEqual({ user: 'u1', instances: ['/a', '/b', 'http://h:1'] });
  });
});
