import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openAs, openPanel, panelItem, toast } from './support/browser';
import { send, unique } from './support/notify-api';
import { artifactsDir } from './support/paths';
import { useTopologyAndBrowser } from './support/topology';

describe('live delivery across instances', () => {
  const stack = useTopologyAndBrowser();

  it('shows on the page on B what was posted to A', async () => {
    const user = unique('u1');
    const sockets: string[] = [];
    stack.browser.context.on('page', (p) => p.on('websocket', (ws) => sockets.push(ws.url())));
    const page = await openAs(stack.browser.context, stack.topology.b, user);

    await send(stack.topology.a, { to: { users: [user] }, title: 'Your order shipped', body: 'Parcel 123 is on its way', severity: 'success' });

    await toast(page, 'Your order shipped').waitFor({ timeout: 10_000 });
    await openPanel(page);
    const item = panelItem(page, 'Your order shipped');
    await item.waitFor();
    expect(await item.textContent()).toContain('Parcel 123 is on its way');
    expect(await item.getAttribute('class')).toContain('severity-success');
    expect(await item.locator('time').textContent()).toBe('just now');
    // StrictMode renders twice; the client lives outside React, so there is still one socket.
    expect(sockets.filter((u) => u.includes('/hubs/notifications'))).toHaveLength(1);
  });

  it('lists newest first and raises one toast per notification', async () => {
    const user = unique('u1');
    const page = await openAs(stack.browser.context, stack.topology.b, user);
    for (const [title, severity] of [
      ['Build failed', 'error'],
      ['Disk almost full', 'warning'],
      ['Deploy finished', 'success'],
    ] as const) {
      await send(stack.topology.a, { to: { users: [user] }, title, body: `${title}: details`, severity });
      await toast(page, title).waitFor({ timeout: 10_000 });
    }
    await page.locator('.toasts').screenshot({ path: path.join(artifactsDir, 'toast.png') });
    await openPanel(page);
    await panelItem(page, 'Deploy finished').waitFor();
    const titles = await page.locator('.panel .notification-title').allTextContents();
    expect(titles.map((t) => t.replace(' (unread)', ''))).toEqual(['Deploy finished', 'Disk almost full', 'Build failed']);
    expect(await page.evaluate(() => (window as unknown as { __toasts: string[] }).__toasts.length)).toBe(3);
    await page.screenshot({ path: path.join(artifactsDir, 'overview.png') });

    // Phone width: nothing runs off the side, the panel fills the width.
    await page.setViewportSize({ width: 390, height: 760 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const panel = await page.getByRole('dialog', { name: 'Notifications' }).boundingBox();
    expect(panel?.width).toBeGreaterThan(360);
    await page.screenshot({ path: path.join(artifactsDir, 'phone.png') });
  });
});
