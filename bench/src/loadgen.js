#!/usr/bin/env node
'use strict';
// Load generator: runs ONE workload (w1..w5) against a running pair of Notify instances and writes a JSON
// result. run.js starts and stops the servers and runs this once per workload in its own process, so that
// this process's CPU time is the generator's alone.
//
//   node src/loadgen.js --workload w1 --port-a 7401 --port-b 7402 --pid-a N --pid-b N --pid-redis N --out r.json
//
// Clients connect to instance B (W2: split over A and B); publishes go to A, so every delivery to a B client
// has crossed Redis.
const fs = require('fs');
const path = require('path');
const { spawn } = require('child_process');
const readline = require('readline');
const { now, sleep, round, pool, percentiles, procRssKiB, procFdCount, CpuMeter, Publisher } = require('./lib');
const { HubClient, devTokens, joinGroup, API_KEY } = require('./client');

const DEFAULTS = {
  connectConcurrency: 100, payloadBytes: 100,
  w1Clients: 200, w1Rate: 500, w1Seconds: 10, w1WarmupSeconds: 3, w1DrainMs: 3000, w1PublishSockets: 32,
  w2Clients: 2000, w2Messages: 100, w2Concurrency: 8, w2Warmup: 3, w2StallMs: 5000, w2MaxMs: 60000,
  w3Connections: 5000, w3SettleMs: 5000, w3WarmupClients: 20,
  // W4: total connections on B per step (the 200 latency clients included), W1 traffic per step, the bar
  w4Steps: '5000,10000,15000,17500,19500', w4Seconds: 10, w4SettleMs: 3000, w4P99Ms: 100, w4PerHolder: 5000,
  // W4/W5: a step that misses the bar is measured again, up to this many times (other tenants of a shared
  // machine can spoil one 10 s window); it fails only if every attempt fails. 0 disables.
  stepRetries: 2,
  // W5: open-loop publish rate steps (x w5Factor until a step fails, then w5Refine bisections), the bar
  w5Start: 500, w5Factor: 1.5, w5MaxRate: 20000, w5MaxSteps: 12, w5Refine: 2, w5Seconds: 5, w5P99Ms: 50, w5Clients: 200, w5PublishSockets: 128,
  hardTimeoutS: 400,
};

function parseArgs(argv) {
  const o = { ...DEFAULTS };
  for (let i = 2; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) throw new Error(`bad argument ${a}`);
    const key = a.slice(2).replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase());
    const v = argv[++i];
    if (v === undefined) throw new Error(`missing value for ${a}`);
    o[key] = typeof DEFAULTS[key] === 'number' || /^(portA|portB|pidA|pidB|pidRedis)$/.test(key) ? Number(v) : v;
  }
  for (const k of ['workload', 'portA', 'portB']) if (!o[k]) throw new Error(`--${k} is required`);
  return o;
}

const PROBE = 1e9;   // seq ranges: measured 0.., warm-up WARM.., readiness probes PROBE..
const WARM = 5e8;
function makeMessage(seq, t0, bytes) {
  const tok = `nt~${seq}~${t0.toFixed(3)}~`;
  return tok.length >= bytes ? tok : tok + 'x'.repeat(bytes - tok.length);
}

class Env {
  constructor(o) {
    this.o = o;
    this.handler = () => {};
    this.ctx = { onToken: (idx, seq, t0) => this.handler(idx, seq, t0) };
    this.pids = {};
    if (o.pidA) this.pids.A = o.pidA;
    if (o.pidB) this.pids.B = o.pidB;
    if (o.pidRedis) this.pids.redis = o.pidRedis;
    this.portOf = { A: o.portA, B: o.portB };
    this.errors = [];
  }
  err(msg) { if (this.errors.length < 8) this.errors.push(msg); }
  publisher(sockets) { return new Publisher(this.portOf.A, API_KEY, sockets); }

  /** Tokens, then connect n clients; user i on instance instOf(i). */
  async population(n, userOf, instOf) {
    const users = Array.from({ length: n }, (_, i) => userOf(i));
    const tokens = await devTokens(this.portOf.A, users);
    const clients = users.map((u, i) => new HubClient(this.portOf[instOf(i)], u, tokens[i], i, this.ctx));
    const t0 = now();
    const res = await pool(clients, this.o.connectConcurrency, (c) => c.connect());
    const ms = now() - t0;
    const connected = [];
    let failed = 0;
    res.forEach((r, i) => { if (r instanceof Error) { failed++; this.err(`connect ${i}: ${r.message}`); } else connected.push(i); });
    return { clients, connected, failed, ms };
  }

  /** One probe per user (or per round for a group) until every client got one: routing is in place, paths warm. */
  async ready(clients, idxs, kind, group, pub) {
    const got = new Uint8Array(clients.length);
    let n = 0;
    this.handler = (idx, seq) => { if (seq >= PROBE && !got[idx]) { got[idx] = 1; n++; } };
    for (let round = 0; round < 3 && n < idxs.length; round++) {
      if (kind === 'user') {
        const missing = idxs.filter((i) => !got[i]);
        await pool(missing, 16, (i) => pub.publish('user', clients[i].user, makeMessage(PROBE + i, now(), this.o.payloadBytes)));
      } else {
        await pub.publish('group', group, makeMessage(PROBE + round, now(), this.o.payloadBytes));
      }
      const until = now() + 3000 + round * 2000;
      while (n < idxs.length && now() < until) await sleep(20);
    }
    this.handler = () => {};
    const ready = idxs.filter((i) => got[i]);
    if (!ready.length) this.err(`no client received a probe${pub.errors ? `; ${pub.errors} publish errors, last ${pub.lastError}` : ''}${this.ctx.otherTarget ? `; ${this.ctx.otherTarget} under another target` : ''}`);
    return ready;
  }
}

function closeAll(clients) { for (const c of clients) if (c) c.close(); }

/** Open-loop fixed-rate schedule: message k is due at start + k/rate; late ticks catch up. */
async function runRate(pub, rate, count, base, users, payloadBytes, onSent) {
  const interval = 1000 / rate;
  const start = now();
  const inflight = [];
  let next = 0;
  await new Promise((resolve) => {
    const tick = () => {
      const t = now();
      while (next < count && start + next * interval <= t) {
        const k = next++;
        inflight.push(pub.publish('user', users[k % users.length], makeMessage(base + k, now(), payloadBytes)).then((res) => onSent(k, res)));
      }
      if (next < count) setTimeout(tick, Math.max(0, start + next * interval - now())); else resolve();
    };
    tick();
  });
  const scheduleMs = now() - start;
  await Promise.all(inflight);
  return { scheduleMs, achieved: round(count / (scheduleMs / 1000), 1), totalMs: now() - start };
}

/** One measured W1-style window: `rate`/s to `users` for `seconds`; latency from POST start to delivery. */
async function latencyWindow(env, pub, users, readyIdx, rate, seconds, drainMs, extraSelf = []) {
  const N = Math.round(rate * seconds);
  const got = new Uint8Array(N);
  const lat = new Float64Array(N);
  const pubMs = new Float64Array(N);
  let nRecv = 0, dup = 0, misrouted = 0, pubOk = 0, pubErr = 0, nPub = 0;
  env.handler = (idx, seq, t0) => {
    if (seq >= N) return;
    if (got[seq]) { dup++; return; }
    got[seq] = 1;
    lat[nRecv++] = now() - t0;
    if (readyIdx && idx !== readyIdx[seq % readyIdx.length]) misrouted++;
  };
  const meter = new CpuMeter(env.pids, extraSelf).start();
  const sched = await runRate(pub, rate, N, 0, users, env.o.payloadBytes, (k, res) => { if (res.ok) pubOk++; else pubErr++; pubMs[nPub++] = res.ms; });
  const drainUntil = now() + drainMs;
  while (nRecv < pubOk && now() < drainUntil) await sleep(10);
  const cpu = meter.stop();
  env.handler = () => {};
  const cpuAB = (cpu.server_cpu_s.A || 0) + (cpu.server_cpu_s.B || 0);
  return {
    rate_target: rate, seconds, published: N, publish_ok: pubOk, publish_errors: pubErr, publish_rate_achieved: sched.achieved,
    received: nRecv, lost: pubOk - nRecv, duplicates: dup, misrouted,
    latency_ms: percentiles(lat, nRecv), publish_http_ms: percentiles(pubMs, nPub),
    server_cpu_ms_per_message: round((cpuAB * 1000) / N, 3), cpu,
  };
}

// ------------------------------------------------------------------ W1 latency
async function w1(env) {
  const o = env.o;
  const pop = await env.population(o.w1Clients, (i) => `w1u${i}`, () => 'B');
  const pub = env.publisher(o.w1PublishSockets);
  const ready = await env.ready(pop.clients, pop.connected, 'user', null, pub);
  const r = { clients: o.w1Clients, connected: pop.connected.length, connect_failed: pop.failed, ready: ready.length };
  if (!ready.length) { closeAll(pop.clients); pub.close(); return { ...r, error: env.errors[env.errors.length - 1] }; }
  const users = ready.map((i) => pop.clients[i].user);
  if (o.w1WarmupSeconds > 0) { await runRate(pub, o.w1Rate, Math.round(o.w1Rate * o.w1WarmupSeconds), WARM, users, o.payloadBytes, () => {}); await sleep(300); }
  const m = await latencyWindow(env, pub, users, ready, o.w1Rate, o.w1Seconds, o.w1DrainMs);
  closeAll(pop.clients);
  pub.close();
  return { ...r, ...m };
}

// ------------------------------------------------------------------ W2 fan-out
async function w2(env) {
  const o = env.o;
  const group = 'w2g';
  const pop = await env.population(o.w2Clients, (i) => `w2u${i}`, (i) => (i % 2 === 0 ? 'A' : 'B'));
  const tJoin = now();
  const joinedN = await joinGroup(env.portOf.A, group, pop.connected.map((i) => pop.clients[i].user));
  const joinMs = now() - tJoin;
  const pub = env.publisher(Math.max(o.w2Concurrency, 4));
  const ready = await env.ready(pop.clients, pop.connected, 'group', group, pub);
  const nC = pop.clients.length;
  const r = { clients: o.w2Clients, connected: pop.connected.length, connect_failed: pop.failed, joined: joinedN, join_ms: Math.round(joinMs), ready: ready.length };
  if (!ready.length) { closeAll(pop.clients); pub.close(); return { ...r, error: env.errors[env.errors.length - 1] }; }
  if (o.w2Warmup > 0) {
    let n = 0;
    env.handler = (idx, seq) => { if (seq >= WARM && seq < PROBE) n++; };
    for (let k = 0; k < o.w2Warmup; k++) await pub.publish('group', group, makeMessage(WARM + k, now(), o.payloadBytes));
    const until = now() + 10000;
    while (n < o.w2Warmup * ready.length && now() < until) await sleep(20);
    await sleep(200);
  }
  const M = o.w2Messages;
  const isReady = new Uint8Array(nC);
  for (const i of ready) isReady[i] = 1;
  const got = new Uint8Array(M * nC);
  const lat = new Float64Array(M * nC);
  let n = 0, dup = 0, last = 0, nB = 0;
  env.handler = (idx, seq, t0) => {
    if (seq >= M || !isReady[idx]) return;
    const key = seq * nC + idx;
    if (got[key]) { dup++; return; }
    got[key] = 1;
    last = now();
    lat[n++] = last - t0;
    if (idx % 2 === 1) nB++;
  };
  const meter = new CpuMeter(env.pids).start();
  const tStart = now();
  let pubOk = 0, pubErr = 0;
  await pool(Array.from({ length: M }, (_, k) => k), o.w2Concurrency, async (k) => {
    const res = await pub.publish('group', group, makeMessage(k, now(), o.payloadBytes));
    if (res.ok) pubOk++; else pubErr++;
  });
  const tPublished = now();
  const expected = pubOk * ready.length;
  let lastN = -1, lastProgress = now();
  while (n < expected) {
    const t = now();
    if (n !== lastN) { lastN = n; lastProgress = t; }
    if (t - lastProgress > o.w2StallMs || t - tStart > o.w2MaxMs) break;
    await sleep(10);
  }
  const cpu = meter.stop();
  closeAll(pop.clients);
  pub.close();
  const spanMs = n ? last - tStart : null;
  const cpuAB = (cpu.server_cpu_s.A || 0) + (cpu.server_cpu_s.B || 0);
  return {
    ...r, messages: M, publish_concurrency: o.w2Concurrency, publish_ok: pubOk, publish_errors: pubErr,
    expected_deliveries: expected, received: n, lost: expected - n, duplicates: dup, received_on_B: nB,
    publish_phase_ms: Math.round(tPublished - tStart),
    time_to_last_delivery_ms: spanMs === null ? null : Math.round(spanMs),
    deliveries_per_s: spanMs ? Math.round(n / (spanMs / 1000)) : null,
    delivery_latency_ms: percentiles(lat, n),
    server_cpu_us_per_delivery: n ? round((cpuAB * 1e6) / n, 2) : null,
    cpu,
  };
}

// ------------------------------------------------------------------ W3 memory
async function w3(env) {
  const o = env.o;
  const pidB = env.pids.B;
  if (!pidB) throw new Error('w3 needs --pid-b');
  const pub = env.publisher(4);
  if (o.w3WarmupClients > 0) {
    const wp = await env.population(o.w3WarmupClients, (i) => `w3warm${i}`, () => 'B');
    await joinGroup(env.portOf.A, 'w3warm', wp.connected.map((i) => wp.clients[i].user));
    await env.ready(wp.clients, wp.connected, 'group', 'w3warm', pub);
    closeAll(wp.clients);
    await sleep(2000);
  }
  // tokens first, so that the RSS window holds connections only
  const users = Array.from({ length: o.w3Connections }, (_, i) => `w3u${i}`);
  const tokens = await devTokens(env.portOf.A, users);
  await sleep(1000);
  const rssBefore = procRssKiB(pidB);
  const clients = users.map((u, i) => new HubClient(env.portOf.B, u, tokens[i], i, env.ctx));
  const meter = new CpuMeter(env.pids).start();
  const t0 = now();
  const res = await pool(clients, o.connectConcurrency, (c) => c.connect());
  const ms = now() - t0;
  const cpu = meter.stop();
  const connected = [];
  res.forEach((x, i) => { if (x instanceof Error) env.err(`connect ${i}: ${x.message}`); else connected.push(i); });
  const samples = [];
  const settleUntil = now() + o.w3SettleMs;
  while (now() < settleUntil) { await sleep(1000); samples.push(procRssKiB(pidB)); }
  const rssAfter = samples.length ? samples[samples.length - 1] : procRssKiB(pidB);
  const alive = connected.filter((i) => clients[i].connected).length;
  const probeIdx = connected.filter((_, k) => k % Math.max(1, Math.floor(connected.length / 20)) === 0).slice(0, 20);
  let probed = 0;
  const gotP = new Uint8Array(clients.length);
  env.handler = (idx, seq) => { if (seq >= PROBE && !gotP[idx]) { gotP[idx] = 1; probed++; } };
  await pool(probeIdx, 8, (i) => pub.publish('user', clients[i].user, makeMessage(PROBE + i, now(), o.payloadBytes)));
  const until = now() + 3000;
  while (probed < probeIdx.length && now() < until) await sleep(20);
  closeAll(clients);
  pub.close();
  const conns = connected.length;
  return {
    connections: o.w3Connections, connected: conns, connect_failed: clients.length - conns, alive_after_settle: alive,
    connect_ms: Math.round(ms), connects_per_s: ms ? Math.round(conns / (ms / 1000)) : null,
    rss_before_kib: rssBefore, rss_after_kib: rssAfter, rss_samples_kib: samples,
    kib_per_connection: conns && rssBefore !== null && rssAfter !== null ? round((rssAfter - rssBefore) / conns, 2) : null,
    liveness_probes: probeIdx.length, liveness_received: probed,
    cpu,
  };
}

// ------------------------------------------------------------------ W4 capacity
/** A child process that holds idle connections (the open-file limit is per process). */
class Holder {
  constructor(port, prefix, from, count, concurrency) {
    this.proc = spawn(process.execPath, [path.join(__dirname, 'holder.js'), String(port), prefix, String(from), String(count), String(concurrency)],
      { stdio: ['pipe', 'pipe', 'inherit'] });
    this.pid = this.proc.pid;
    this.waiters = [];
    this.last = null;
    readline.createInterface({ input: this.proc.stdout }).on('line', (l) => {
      let m; try { m = JSON.parse(l); } catch { return; }
      this.last = m;
      const w = this.waiters.shift();
      if (w) w(m);
    });
    this.proc.on('exit', () => { this.exited = true; for (const w of this.waiters.splice(0)) w({ error: 'holder exited' }); });
  }
  next(timeoutMs) {
    return withTimeoutValue(new Promise((r) => this.waiters.push(r)), timeoutMs, { error: 'holder timed out' });
  }
  status() { if (this.exited) return Promise.resolve({ error: 'holder exited' }); this.proc.stdin.write('status\n'); return this.next(10000); }
  stop() { if (!this.exited) { try { this.proc.stdin.end(); } catch { /* gone */ } setTimeout(() => { if (!this.exited) this.proc.kill('SIGKILL'); }, 3000).unref(); } }
}
function withTimeoutValue(p, ms, v) {
  let t;
  return Promise.race([p, new Promise((r) => { t = setTimeout(() => r(v), ms); })]).finally(() => clearTimeout(t));
}

async function w4(env) {
  const o = env.o;
  const steps = String(o.w4Steps).split(',').map(Number).filter((x) => x > 0).sort((a, b) => a - b);
  const pop = await env.population(o.w1Clients, (i) => `w4u${i}`, () => 'B');
  const pub = env.publisher(o.w1PublishSockets);
  const ready = await env.ready(pop.clients, pop.connected, 'user', null, pub);
  const r = { latency_clients: o.w1Clients, ready: ready.length, steps_asked: steps, rate: o.w1Rate, seconds: o.w4Seconds, p99_bar_ms: o.w4P99Ms };
  if (!ready.length) { closeAll(pop.clients); pub.close(); return { ...r, error: env.errors[env.errors.length - 1] }; }
  const users = ready.map((i) => pop.clients[i].user);
  await runRate(pub, o.w1Rate, Math.round(o.w1Rate * 3), WARM, users, o.payloadBytes, () => {});
  const holders = [];
  const results = [];
  let fillers = 0;
  let held = 0;
  try {
    for (const total of steps) {
      const want = total - ready.length;
      // fill up to `want` idle connections, in holders of at most w4PerHolder each
      const t0 = now();
      while (fillers < want) {
        const last = holders[holders.length - 1];
        const room = last && !last.full ? o.w4PerHolder - last.count : 0;
        const add = Math.min(want - fillers, room > 0 ? room : o.w4PerHolder);
        const h = room > 0 ? last : null;
        if (h) { h.proc.stdin.write(`add ${add}\n`); h.count += add; if (h.count >= o.w4PerHolder) h.full = true; }
        else {
          const nh = new Holder(env.portOf.B, `w4f${holders.length}x`, 0, add, Math.max(10, Math.floor(o.connectConcurrency / 2)));
          nh.count = add;
          if (add >= o.w4PerHolder) nh.full = true;
          holders.push(nh);
        }
        fillers += add;
      }
      // wait for every holder to report its current target
      let connected = 0, failed = 0, alive = 0, closed = 0;
      for (const h of holders) {
        let st = h.last;
        const until = now() + 180000;
        while (!(st && st.target === h.count && st.done) && now() < until && !h.exited) { st = await h.status(); if (!(st && st.done && st.target === h.count)) await sleep(500); }
        if (!st || st.error) { env.err(`holder ${h.pid}: ${st ? st.error : 'no status'}`); continue; }
        connected += st.connected; failed += st.failed; alive += st.alive; closed += st.closed;
      }
      const fillMs = now() - t0;
      await sleep(o.w4SettleMs);
      const attempts = [];
      let m;
      for (let a = 0; a <= o.stepRetries; a++) {
        m = await latencyWindow(env, pub, users, ready, o.w1Rate, o.w4Seconds, 3000, holders.map((h) => h.pid));
        attempts.push({ p99_ms: m.latency_ms.p99, lost: m.lost, publish_errors: m.publish_errors, others_cpu_s: m.cpu.others_cpu_s });
        if (m.latency_ms.p99 !== null && m.latency_ms.p99 < o.w4P99Ms && m.lost === 0 && m.publish_errors === 0) break;
        await sleep(1000);
      }
      const sts = await Promise.all(holders.map((h) => h.status()));
      const aliveAfter = sts.reduce((s, x) => s + (x.alive || 0), 0);
      const latAlive = ready.filter((i) => pop.clients[i].connected).length;
      const onB = aliveAfter + latAlive;
      const step = {
        total_asked: total, fill_ms: Math.round(fillMs), fillers_connected: connected, fillers_failed: failed, fillers_alive_after: aliveAfter, latency_clients_alive: latAlive,
        connections_on_B: onB, server_B_rss_kib: procRssKiB(env.pids.B), server_B_fds: procFdCount(env.pids.B),
        p50_ms: m.latency_ms.p50, p99_ms: m.latency_ms.p99, max_ms: m.latency_ms.max, lost: m.lost, publish_errors: m.publish_errors,
        publish_rate_achieved: m.publish_rate_achieved, server_cpu_ms_per_message: m.server_cpu_ms_per_message, loadgen_cpu_pct: m.cpu.loadgen_cpu_pct, machine_busy_pct: m.cpu.machine_busy_pct,
        others_cpu_s: m.cpu.others_cpu_s, attempts,
      };
      step.pass = m.latency_ms.p99 !== null && m.latency_ms.p99 < o.w4P99Ms && m.lost === 0 && m.publish_errors === 0 && failed === 0 && onB >= total;
      results.push(step);
      process.stderr.write(`w4: ${JSON.stringify(step)}\n`);
      if (!step.pass) break;
      held = onB;
    }
  } finally {
    for (const h of holders) h.stop();
    closeAll(pop.clients);
    pub.close();
  }
  return { ...r, steps: results, capacity_connections: held, capacity_reached_max_step: results.length === steps.length && results[results.length - 1].pass };
}

// ------------------------------------------------------------------ W5 publish throughput
async function w5(env) {
  const o = env.o;
  const pop = await env.population(o.w5Clients, (i) => `w5u${i}`, () => 'B');
  const pub = env.publisher(o.w5PublishSockets);
  const ready = await env.ready(pop.clients, pop.connected, 'user', null, pub);
  const r = { recipients: o.w5Clients, ready: ready.length, seconds_per_step: o.w5Seconds, p99_bar_ms: o.w5P99Ms };
  if (!ready.length) { closeAll(pop.clients); pub.close(); return { ...r, error: env.errors[env.errors.length - 1] }; }
  const users = ready.map((i) => pop.clients[i].user);
  await runRate(pub, o.w5Start, Math.round(o.w5Start * 3), WARM, users, o.payloadBytes, () => {});
  await sleep(500);
  const steps = [];
  const tryRate = async (rate, attempt = 0) => {
    pub.byStatus = {};
    const m = await latencyWindow(env, pub, users, ready, rate, o.w5Seconds, 3000);
    const s = {
      rate_target: rate, achieved: m.publish_rate_achieved, http_p50_ms: m.publish_http_ms.p50, http_p99_ms: m.publish_http_ms.p99, http_max_ms: m.publish_http_ms.max,
      errors: m.publish_errors, errors_by_status: { ...pub.byStatus }, lost: m.lost, e2e_p99_ms: m.latency_ms.p99, cpu_A_s: m.cpu.server_cpu_s.A, cpu_B_s: m.cpu.server_cpu_s.B, cpu_redis_s: m.cpu.server_cpu_s.redis,
      server_A_cpu_ms_per_post: m.cpu.server_cpu_s.A === null ? null : round((m.cpu.server_cpu_s.A * 1000) / m.published, 3),
      loadgen_cpu_pct: m.cpu.loadgen_cpu_pct, machine_busy_pct: m.cpu.machine_busy_pct, others_cpu_s: m.cpu.others_cpu_s,
    };
    s.pass = m.publish_http_ms.p99 !== null && m.publish_http_ms.p99 < o.w5P99Ms && m.publish_errors === 0 && m.publish_rate_achieved >= 0.97 * rate;
    s.attempt = attempt;
    steps.push(s);
    process.stderr.write(`w5: ${JSON.stringify(s)}\n`);
    await sleep(1000);   // let queues drain between steps
    if (!s.pass && attempt < o.stepRetries) return tryRate(rate, attempt + 1);
    return s.pass;
  };
  let good = 0, bad = null;
  for (let rate = o.w5Start, k = 0; k < o.w5MaxSteps && rate <= o.w5MaxRate; k++, rate = Math.round(rate * o.w5Factor)) {
    if (await tryRate(rate)) good = rate; else { bad = rate; break; }
  }
  for (let k = 0; k < o.w5Refine && bad !== null && good > 0 && bad - good > 100; k++) {
    const mid = Math.round((good + bad) / 2 / 50) * 50;
    if (await tryRate(mid)) good = mid; else bad = mid;
  }
  closeAll(pop.clients);
  pub.close();
  const best = steps.filter((s) => s.pass).sort((a, b) => b.rate_target - a.rate_target)[0] || null;
  return { ...r, steps, max_rate_passing: good, first_failing_rate: bad, best_step: best };
}

async function main() {
  const o = parseArgs(process.argv);
  const env = new Env(o);
  const hard = setTimeout(() => { console.error(`loadgen: hard timeout ${o.hardTimeoutS}s`); process.exit(3); }, o.hardTimeoutS * 1000);
  const fn = { w1, w2, w3, w4, w5 }[o.workload];
  if (!fn) throw new Error(`unknown workload ${o.workload}`);
  const self0 = process.cpuUsage();
  const t0 = now();
  const result = await fn(env);
  const selfAll = process.cpuUsage(self0);
  result.workload = o.workload;
  result.loadgen_total = { wall_s: round((now() - t0) / 1000), cpu_s: round((selfAll.user + selfAll.system) / 1e6) };
  if (env.errors.length) result.errors = env.errors;
  if (env.ctx.otherTarget) result.ignored_other_target = env.ctx.otherTarget;
  const out = JSON.stringify(result);
  if (o.out) fs.writeFileSync(o.out, out + '\n'); else process.stdout.write(out + '\n');
  clearTimeout(hard);
  setTimeout(() => process.exit(0), 100);
}

main().catch((e) => { console.error('loadgen failed:', e && e.stack ? e.stack : e); process.exit(1); });
