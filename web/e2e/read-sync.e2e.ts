import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { badge, openAs, openPanel, panelItem } from './support/browser';
import { send, unique } from './support/notify-api';
import { artifactsDir } from './support/paths';
import { useTopologyAndBrowser } from './support/topology';

describe('read state across tabs and instances', () => {
  const stack = useTopologyAndBrowser();

  it('clears the badge on the second tab (on the other instance) when one tab reads', async () => {
    const user = unique('u1');
    const [tabA, tabB] = await Promise.all([openAs(stack.browser.context, stack.topology.a, user), openAs(stack.browser.context, stack.topology.b, user)]);

    await send(stack.topology.a, { to: { users: [user] }, title: 'Read me once', severity: 'warning' });
    await Promise.all([badge(tabA).filter({ hasText: '1' }).waitFor(), badge(tabB).filter({ hasText: '1' }).waitFor()]);

    await openPanel(tabA);
    await panelItem(tabA, 'Read me once').getByRole('button', { name: /Mark "Read me once" read/ }).click();

    await badge(tabB).waitFor({ state: 'detached', timeout: 10_000 });
    await openPanel(tabB);
    expect(await panelItem(tabB, 'Read me once').getAttribute('class')).not.toContain('is-unread');
  });

  it('keeps the inbox across a reload, marks all read and deletes', async () => {
    const user = unique('u1');
    const samples = [
      ['Payment received', 'Invoice 2041 was paid in full.', 'success'],
      ['Certificate expires in 7 days', 'Renew notify.example.com before Friday.', 'warning'],
      ['Nightly export failed', 'The job stopped at step 3: disk full.', 'error'],
      ['Your order shipped', 'Parcel 123 is on its way.', 'info'],
    ] as const;
    for (const [title, body, severity] of samples)
      await send(stack.topology.a, { to: { users: [user] }, title, body, severity, link: 'https://shop.example/orders/123' });

    const page = await openAs(stack.browser.context, stack.topology.b, user);
    await badge(page).filter({ hasText: '4' }).waitFor();
    await openPanel(page);
    await panelItem(page, 'Payment received').waitFor();
    // The link opens in a new tab and marks the notification read (the shop is stubbed: no network here).
    await stack.browser.context.route('https://shop.example/**', (route) => route.fulfill({ contentType: 'text/html', body: '<h1>Order 123</h1>' }));
    const [opened] = await Promise.all([stack.browser.context.waitForEvent('page'), panelItem(page, 'Your order shipped').getByRole('link').click()]);
    expect(opened.url()).toContain('shop.example/orders/123');
    await opened.close();
    await badge(page).filter({ hasText: '3' }).waitFor();
    expect(await panelItem(page, 'Your order shipped').getAttribute('class')).not.toContain('is-unread');
    await page.getByRole('dialog', { name: 'Notifications' }).screenshot({ path: path.join(artifactsDir, 'panel.png') });
    await page.screenshot({ path: path.join(artifactsDir, 'page.png') });

    await panelItem(page, 'Payment received').getByRole('button', { name: /Delete/ }).click();
    await panelItem(page, 'Payment received').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Mark all read' }).click();
    await badge(page).waitFor({ state: 'detached' });

    // Keyboard: Escape closes the panel and gives the focus back to the bell.
    await page.keyboard.press('Escape');
    await page.getByRole('dialog', { name: 'Notifications' }).waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('bell-button');

    await page.reload();
    await page.locator('[data-status="connected"]').waitFor();
    await openPanel(page);
    await panelItem(page, 'Nightly export failed').waitFor();
    expect(await page.locator('.panel .notification').count()).toBe(3);
    expect(await page.locator('.panel .notification.is-unread').count()).toBe(0);
    expect(await badge(page).count()).toBe(0);
  });

  it('pages back through a long inbox with infinite scroll', async () => {
    const user = unique('u1');
    for (let i = 1; i <= 45; i++) await send(stack.topology.a, { to: { users: [user] }, title: `Item ${i}` });
    const page = await openAs(stack.browser.context, stack.topology.b, user);
    await openPanel(page);
    await panelItem(page, 'Item 45').waitFor();
    const items = page.locator('.panel .notification');
    expect(await items.count()).toBe(20);
    // Scrolling to the end loads the next older page, until there is none.
    for (const expected of [40, 45]) {
      await items.last().scrollIntoViewIfNeeded();
      await page.waitForFunction((n) => document.querySelectorAll('.panel .notification').length === n, expected);
    }
    await panelItem(page, 'Item 1').last().waitFor();
    expect(await items.count()).toBe(45);
  });
});
