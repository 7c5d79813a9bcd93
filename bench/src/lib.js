'use strict';
// Shared helpers: clocks, bounded pools, percentiles, /proc meters, a keep-alive HTTP publisher.
// Adapted from ../shared/peers/loadgen/lib.js so that the figures mean the same in both tools.
const fs = require('fs');
const http = require('http');
const { performance } = require('perf_hooks');

const now = () => performance.now();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const round = (x, d = 3) => (x === null || x === undefined ? null : Math.round(x * 10 ** d) / 10 ** d);

/** Run fn(item, i) over items with at most `limit` in flight. Resolves to the results (or Error objects). */
async function pool(items, limit, fn) {
  const out = new Array(items.length);
  let next = 0;
  async function worker() {
    while (next < items.length) {
      const i = next++;
      try { out[i] = await fn(items[i], i); } catch (e) { out[i] = e instanceof Error ? e : new Error(String(e)); }
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** Nearest-rank percentiles over the first n values of a Float64Array or array. */
function percentiles(values, n = values.length) {
  if (!n) return { n: 0, min: null, p50: null, p90: null, p95: null, p99: null, p999: null, max: null, mean: null };
  const a = Float64Array.from(values.subarray ? values.subarray(0, n) : values.slice(0, n)).sort();
  const p = (q) => a[Math.min(n - 1, Math.max(0, Math.ceil(q * n) - 1))];
  let sum = 0;
  for (let i = 0; i < n; i++) sum += a[i];
  return { n, min: round(a[0]), p50: round(p(0.5)), p90: round(p(0.9)), p95: round(p(0.95)), p99: round(p(0.99)), p999: round(p(0.999)), max: round(a[n - 1]), mean: round(sum / n) };
}

let clkTck = null;
function ticksPerSecond() {
  if (clkTck === null) {
    try { clkTck = Number(require('child_process').execSync('getconf CLK_TCK').toString().trim()) || 100; } catch { clkTck = 100; }
  }
  return clkTck;
}

/** utime+stime of a process (all threads), in seconds; null if it is gone. */
function procCpuSeconds(pid) {
  try {
    const s = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) / ticksPerSecond();
  } catch { return null; }
}

/** VmRSS of a process in KiB; null if it is gone. */
function procRssKiB(pid) {
  try {
    const m = /VmRSS:\s+(\d+)\s+kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : null;
  } catch { return null; }
}

/** Open file descriptors of a process; null if unreadable. */
function procFdCount(pid) {
  try { return fs.readdirSync(`/proc/${pid}/fd`).length; } catch { return null; }
}

/** CPU seconds (including reaped children) of every process except `exclude`, as pid -> s. */
function allProcsCpu(exclude) {
  const out = new Map();
  const tck = ticksPerSecond();
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d) || exclude.has(Number(d))) continue;
    try {
      const s = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
      const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
      out.set(Number(d), (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) / tck);
    } catch { /* exited meanwhile */ }
  }
  return out;
}

/** Whole-machine CPU jiffies {busy,total} from /proc/stat. */
function machineCpu() {
  const line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const total = line.slice(0, 8).reduce((a, b) => a + b, 0);
  const idle = line[3] + line[4];
  return { busy: total - idle, total };
}

/**
 * CPU over a window for named pids, this process (plus `extraSelf` pids such as connection holders),
 * the whole machine, and everything else (the noise indicator).
 */
class CpuMeter {
  constructor(pids, extraSelf = []) { this.pids = pids || {}; this.extraSelf = extraSelf; }
  start() {
    this.t0 = now();
    this.self0 = process.cpuUsage();
    this.m0 = machineCpu();
    this.p0 = {};
    for (const [k, pid] of Object.entries(this.pids)) this.p0[k] = procCpuSeconds(pid);
    this.x0 = this.extraSelf.map((pid) => procCpuSeconds(pid) || 0);
    this.exclude = new Set([process.pid, process.ppid, ...Object.values(this.pids), ...this.extraSelf]);
    this.o0 = allProcsCpu(this.exclude);
    return this;
  }
  stop() {
    const wall = (now() - this.t0) / 1000;
    const self = process.cpuUsage(this.self0);
    const m1 = machineCpu();
    let selfS = (self.user + self.system) / 1e6;
    this.extraSelf.forEach((pid, i) => { const c = procCpuSeconds(pid); if (c !== null) selfS += c - this.x0[i]; });
    const procs = {};
    for (const [k, pid] of Object.entries(this.pids)) {
      const a = this.p0[k];
      const b = procCpuSeconds(pid);
      procs[k] = a === null || b === null ? null : round(b - a);
    }
    const dTotal = m1.total - this.m0.total;
    let others = 0;
    for (const [pid, c1] of allProcsCpu(this.exclude)) {
      const c0 = this.o0.has(pid) ? this.o0.get(pid) : 0;
      if (c1 > c0) others += c1 - c0;
    }
    return {
      wall_s: round(wall),
      loadgen_cpu_s: round(selfS),
      loadgen_cpu_pct: wall > 0 ? round((selfS / wall) * 100, 1) : null,
      machine_busy_pct: dTotal > 0 ? round(((m1.busy - this.m0.busy) / dTotal) * 100, 1) : null,
      others_cpu_s: round(others),
      server_cpu_s: procs,
    };
  }
}

/** Minimal JSON-over-HTTP call (keep-alive agent optional). Resolves {status, body, ms}; rejects on network errors. */
function httpJson(method, url, body, headers = {}, agent = undefined, timeoutMs = 15000) {
  const data = body === undefined ? undefined : JSON.stringify(body);
  const t0 = now();
  return new Promise((resolve, reject) => {
    const req = http.request(url, {
      method, agent,
      headers: { ...(data !== undefined ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) } : { 'content-length': 0 }), ...headers },
    }, (res) => {
      let s = '';
      res.setEncoding('utf8');
      res.on('data', (d) => { s += d; });
      res.on('end', () => resolve({ status: res.statusCode, body: s, ms: now() - t0 }));
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`${method} ${url} timed out`)));
    req.on('error', reject);
    req.end(data);
  });
}

/**
 * Publisher for Notify's POST /api/notifications. Bodies are built by string concatenation (the token is the
 * title) so the generator spends little per request. Resolves {ok, status, ms}; never rejects.
 */
class Publisher {
  constructor(port, apiKey, maxSockets = 32, host = '127.0.0.1') {
    this.host = host;
    this.port = port;
    this.apiKey = apiKey;
    this.agent = new http.Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });
    this.ok = 0;
    this.errors = 0;
    this.lastError = null;
    this.byStatus = {};
  }
  static body(kind, target, message) {
    const to = kind === 'user' ? `{"users":[${JSON.stringify(target)}]}` : kind === 'group' ? `{"groups":[${JSON.stringify(target)}]}` : '{"everyone":true}';
    return `{"to":${to},"type":"bench.w","title":${JSON.stringify(message)}}`;
  }
  publish(kind, target, message) {
    const body = Publisher.body(kind, target, message);
    const t0 = now();
    return new Promise((resolve) => {
      const req = http.request({
        host: this.host, port: this.port, path: '/api/notifications', method: 'POST', agent: this.agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-api-key': this.apiKey },
      }, (res) => {
        res.on('data', () => {});
        res.on('end', () => {
          const ok = res.statusCode === 202;
          if (ok) this.ok++; else { this.errors++; this.lastError = `HTTP ${res.statusCode}`; this.byStatus[res.statusCode] = (this.byStatus[res.statusCode] || 0) + 1; }
          resolve({ ok, status: res.statusCode, ms: now() - t0 });
        });
      });
      req.setTimeout(10000, () => req.destroy(new Error('publish timeout')));
      req.on('error', (e) => { this.errors++; this.lastError = e.message; resolve({ ok: false, status: 0, ms: now() - t0, error: e.message }); });
      req.end(body);
    });
  }
  close() { this.agent.destroy(); }
}

module.exports = { now, sleep, round, pool, percentiles, procCpuSeconds, procRssKiB, procFdCount, machineCpu, CpuMeter, httpJson, Publisher };
