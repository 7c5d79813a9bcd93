#!/usr/bin/env node
// Issue 3's figure: the request time of one POST to a 10,000-member group against one POST to one user.
// Both are durable before the 202 (the group send is one write, merged into inboxes at read time).
// Uses scripts/topology.sh (a private Redis and two Release instances on 127.0.0.1); stops them at the end.
//   node bench/group-send-cost.mjs [--members 10000] [--posts 300]
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const members = arg('members', 10_000);
const posts = arg('posts', 300);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const topology = path.join(root, 'scripts', 'topology.sh');
const state = process.env.NOTIFY_TOPOLOGY_DIR ?? path.join(root, '.test-artifacts', 'group-cost');
const env = { ...process.env, NOTIFY_TOPOLOGY_DIR: state };
const headers = { 'X-Api-Key': 'notify-dev-key', 'Content-Type': 'application/json' };

execFileSync(topology, ['up'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
try {
  const { NOTIFY_A_URL: a } = JSON.parse(readFileSync(path.join(state, 'env.json'), 'utf8'));
  const group = `big-${Date.now()}`;
  let next = 0;
  const joinStart = performance.now();
  await Promise.all(Array.from({ length: 32 }, async () => {
    while (next < members) {
      const user = `m${next++}`;
      const r = await fetch(`${a}/api/groups/${group}/members/${user}`, { method: 'PUT', headers });
      if (r.status !== 204) throw new Error(`join ${user}: HTTP ${r.status}`);
    }
  }));
  const joinSeconds = (performance.now() - joinStart) / 1000;

  async function time(to, n) {
    const ms = [];
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      const r = await fetch(`${a}/api/notifications`, {
        method: 'POST', headers, body: JSON.stringify({ to, type: 'bench.cost', title: `#${i}` }),
      });
      await r.arrayBuffer();
      if (r.status !== 202) throw new Error(`publish: HTTP ${r.status}`);
      ms.push(performance.now() - t0);
    }
    ms.sort((x, y) => x - y);
    const at = (p) => ms[Math.min(ms.length - 1, Math.ceil((p / 100) * ms.length) - 1)];
    return { p50: at(50), p95: at(95), p99: at(99), mean: ms.reduce((s, v) => s + v, 0) / ms.length };
  }

  await time({ users: ['warm'] }, 100); // JIT and connection warm-up, not measured
  const user = await time({ users: ['m1'] }, posts);
  const big = await time({ groups: [group] }, posts);
  const fmt = (r) => `p50 ${r.p50.toFixed(2)}  p95 ${r.p95.toFixed(2)}  p99 ${r.p99.toFixed(2)}  mean ${r.mean.toFixed(2)} ms`;
  console.log(`members joined: ${members} in ${joinSeconds.toFixed(1)} s`);
  console.log(`POST to one user          (${posts}x): ${fmt(user)}`);
  console.log(`POST to ${members}-member group (${posts}x): ${fmt(big)}`);
  console.log(`ratio of means (group / user): ${(big.mean / user.mean).toFixed(2)}`);
} finally {
  execFileSync(topology, ['stop'], { env, stdio: 'inherit' });
}
