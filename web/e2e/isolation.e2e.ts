import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openAs, openPanel, panelItem, toast, toastLog, type Browser } from './support/browser';
import { addMember, send, unique } from './support/notify-api';
import { startTopology, type Topology } from './support/topology';

describe('who sees what', () => {
  let topology: Topology;
  let first: Browser;
  let second: Browser;

  beforeAll(async () => {
    topology = await startTopology();
    [first, second] = await Promise.all([launch(), launch()]);
  });

  afterAll(async () => {
    await Promise.all([first?.close(), second?.close()]);
    await topology?.down();
  });

  it('shows a send to u1 only to u1', async () => {
    const [u1, u2] = [unique('u1'), unique('u2')];
    const [page1, page2] = await Promise.all([openAs(first.context, topology.b, u1), openAs(second.context, topology.a, u2)]);

    const forU1 = await send(topology.a, { to: { users: [u1] }, title: 'Only for u1' });
    await toast(page1, 'Only for u1').waitFor({ timeout: 10_000 });
    // u2 gets a later marker; once it is there, u1's notification would have been there too.
    await send(topology.a, { to: { users: [u2] }, title: 'Marker for u2' });
    await toast(page2, 'Marker for u2').waitFor({ timeout: 10_000 });

    expect(await toastLog(page2)).not.toContain(forU1.id);
    await openPanel(page2);
    await panelItem(page2, 'Marker for u2').waitFor();
    expect(await panelItem(page2, 'Only for u1').count()).toBe(0);
  });

  it('shows a group send to its members only', async () => {
    const [member, outsider] = [unique('member'), unique('outsider')];
    const group = unique('team');
    await addMember(topology.a, group, member);
    const [memberPage, outsiderPage] = await Promise.all([
      openAs(first.context, topology.b, member),
      openAs(second.context, topology.a, outsider),
    ]);
    await memberPage.getByTestId('my-groups').getByText(group).waitFor();

    const groupSend = await send(topology.b, { to: { groups: [group] }, title: 'Team standup in 5' });
    await toast(memberPage, 'Team standup in 5').waitFor({ timeout: 10_000 });
    await send(topology.b, { to: { users: [outsider] }, title: 'Marker for outsider' });
    await toast(outsiderPage, 'Marker for outsider').waitFor({ timeout: 10_000 });

    expect(await toastLog(outsiderPage)).not.toContain(groupSend.id);
    expect((await toastLog(memberPage)).filter((id) => id === groupSend.id)).toHaveLength(1);
  });
});
