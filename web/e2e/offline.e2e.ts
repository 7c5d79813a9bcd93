import { describe, expect, it } from 'vitest';
import { connected, openAs, openPanel, panelItem, toast, toastLog } from './support/browser';
import { send, unique } from './support/notify-api';
import { useTopologyAndBrowser } from './support/topology';

describe('offline and back', () => {
  const stack = useTopologyAndBrowser();

  it('shows the three sent while offline once each, with one toast each', async () => {
    const user = unique('u1');
    const page = await openAs(stack.browser.context, stack.topology.b, user);
    const before = await send(stack.topology.a, { to: { users: [user] }, title: 'Before going offline' });
    await toast(page, 'Before going offline').waitFor({ timeout: 10_000 });

    await stack.browser.context.setOffline(true);
    await page.locator('[data-status="offline"]').waitFor({ timeout: 10_000 });
    const sent = [];
    for (const n of [1, 2, 3]) sent.push(await send(stack.topology.a, { to: { users: [user] }, title: `While offline ${n}` }));
    await stack.browser.context.setOffline(false);
    await connected(page);

    for (const n of [1, 2, 3]) await toast(page, `While offline ${n}`).waitFor({ timeout: 10_000 });
    await openPanel(page);
    for (const n of [1, 2, 3]) await panelItem(page, `While offline ${n}`).waitFor();

    const log = await toastLog(page);
    for (const s of [before, ...sent]) expect(log.filter((id) => id === s.id)).toHaveLength(1);
    expect(await page.locator('.panel .notification').count()).toBe(4);
    expect(await page.locator('.panel .notification-title').allTextContents()).toEqual([
      'While offline 3 (unread)',
      'While offline 2 (unread)',
      'While offline 1 (unread)',
      'Before going offline (unread)',
    ]);
  });
});
