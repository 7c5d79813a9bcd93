import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connected, launch, openAs, openPanel, panelItem, toast, toastLog, type Browser } from './support/browser';
import { startFrontDoor, type FrontDoor } from './support/front-door';
import { send, unique } from './support/notify-api';
import { startTopology, type Topology } from './support/topology';

describe('an instance goes away', () => {
  let topology: Topology;
  let door: FrontDoor;
  let browser: Browser;

  beforeAll(async () => {
    topology = await startTopology();
    // The page is served by B; it knows both instances as /a and /b on one origin.
    door = await startFrontDoor({ '/a': topology.a, '/b': topology.b }, topology.b);
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    await door?.close();
    await topology?.down();
  });

  it('reconnects to the other instance and shows what was sent meanwhile', async () => {
    const user = unique('u1');
    const sockets: string[] = [];
    browser.context.on('page', (p) => p.on('websocket', (ws) => sockets.push(new URL(ws.url()).pathname)));
    const page = await openAs(browser.context, door.url, user, ['/a', '/b']);
    expect(sockets).toEqual(['/a/hubs/notifications']);
    await send(topology.b, { to: { users: [user] }, title: 'While on A' });
    await toast(page, 'While on A').waitFor({ timeout: 10_000 });

    // Hold B back until the notification is stored, so it can only arrive through the catch-up.
    door.block('/b');
    await topology.stop('a');
    await page.locator('[data-status="reconnecting"]').waitFor({ timeout: 10_000 });
    const meanwhile = await send(topology.b, { to: { users: [user] }, title: 'Sent while A was down' });
    door.unblock('/b');

    await connected(page, 30_000);
    expect(sockets.at(-1)).toBe('/b/hubs/notifications');
    const live = await send(topology.b, { to: { users: [user] }, title: 'Live on B' });
    await toast(page, 'Live on B').waitFor({ timeout: 10_000 });

    await toast(page, 'Sent while A was down').waitFor({ timeout: 10_000 });
    await openPanel(page);
    await panelItem(page, 'Sent while A was down').waitFor();
    const log = await toastLog(page);
    expect(log.filter((id) => id === meanwhile.id)).toHaveLength(1);
    expect(log.filter((id) => id === live.id)).toHaveLength(1);
    expect(await page.locator('.panel .notification').count()).toBe(3);
  });
});
