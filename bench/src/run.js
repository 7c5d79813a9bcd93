#!/usr/bin/env node
'use strict';
// Orchestrator: publishes Notify (Release), then for each variant and workload starts a fresh redis-server and
// two fresh instances A and B on free 127.0.0.1 ports, runs the load generator in its own process, stops
// everything by PID, and prints one table (figures x variants). All results go to JSON.
//
//   node src/run.js [--quick] [--workloads w1,w2,w3,w4,w5] [--bin DIR] [--src DIR] [--out-dir DIR]
//                   [--variant NAME[:K=V,K=V...]]... [--loadgen-arg --k=v]... [--wait-quiet S]
// A variant is a set of environment variables for the two instances, e.g. --variant spin0:DOTNET_ThreadPool_UnfairSemaphoreSpinLimit=0
const fs = require('fs');
const os = require('os');
const net = require('net');
const http = require('http');
const path = require('path');
const { spawn, execFileSync } = require('child_process');
const { imageRuntimeProfile } = require('./profile');

const BENCH = path.resolve(__dirname, '..');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const stamp = new Date().toISOString().replace(/[:.]/g, '-').replace(/Z$/, '');
const log = (...a) => console.log(`[${new Date().toISOString().slice(11, 19)}]`, ...a);

const QUICK = ['--w1-seconds', '3', '--w1-warmup-seconds', '2', '--w2-clients', '400', '--w2-messages', '20', '--w3-connections', '1000', '--w3-settle-ms', '2000',
  '--w4-steps', '1000,2000', '--w4-seconds', '3', '--w4-settle-ms', '1000', '--w5-seconds', '2', '--w5-max-steps', '4', '--w5-refine', '0'];
const ALL = ['w1', 'w2', 'w3', 'w4', 'w5'];

const args = process.argv.slice(2);
const opt = { workloads: ALL, variants: [], loadgenArgs: [], waitQuietS: 20, quietPct: 15, quick: false,
  src: process.env.NOTIFY_SRC || path.resolve(BENCH, '..'), bin: process.env.NOTIFY_BIN || null, outDir: path.join(BENCH, 'results') };
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  const val = () => { const v = args[++i]; if (v === undefined) { console.error(`missing value for ${a}`); process.exit(2); } return v; };
  if (a === '--workloads') opt.workloads = val().split(',');
  else if (a === '--quick') { opt.quick = true; opt.loadgenArgs.unshift(...QUICK); }
  else if (a === '--bin') opt.bin = path.resolve(val());
  else if (a === '--src') opt.src = path.resolve(val());
  else if (a === '--out-dir') opt.outDir = path.resolve(val());
  else if (a === '--wait-quiet') opt.waitQuietS = Number(val());
  else if (a === '--variant') opt.variants.push(parseVariant(val()));
  else if (a === '--loadgen-arg') { const [k, v] = val().split('='); opt.loadgenArgs.push(k, v); }
  else if (a === '-h' || a === '--help') { console.log(fs.readFileSync(__filename, 'utf8').split('\n').slice(2, 9).join('\n')); process.exit(0); }
  else { console.error(`unknown option ${a}`); process.exit(2); }
}
if (!opt.variants.length) opt.variants.push({ name: 'notify', env: {} });
for (const w of opt.workloads) if (!ALL.includes(w)) { console.error(`unknown workload ${w}`); process.exit(2); }

const PROFILE = imageRuntimeProfile(opt.src);

function parseVariant(s) {
  const c = s.indexOf(':');
  const name = c === -1 ? s : s.slice(0, c);
  const env = {};
  if (c !== -1) for (const kv of s.slice(c + 1).split(',').filter(Boolean)) { const e = kv.indexOf('='); env[kv.slice(0, e)] = kv.slice(e + 1); }
  return { name, env };
}

// ------------------------------------------------------------------ children: tracked, ended by PID only
const children = new Map();
function startProc(name, cmd, argv, env, logFile) {
  const fd = fs.openSync(logFile, 'a');
  const proc = spawn(cmd, argv, { env: { ...process.env, ...env }, stdio: ['ignore', fd, fd] });
  fs.closeSync(fd);
  children.set(proc.pid, proc);
  proc.exited = false;
  proc.on('exit', (code, sig) => { proc.exited = true; proc.exitInfo = { code, sig }; children.delete(proc.pid); });
  proc.on('error', (e) => { proc.exited = true; proc.exitInfo = { error: e.message }; children.delete(proc.pid); });
  return proc;
}
async function stopProc(proc, graceMs = 5000) {
  if (!proc || proc.exited) return;
  try { process.kill(proc.pid, 'SIGTERM'); } catch { return; }
  const until = Date.now() + graceMs;
  while (!proc.exited && Date.now() < until) await sleep(50);
  if (!proc.exited) { try { process.kill(proc.pid, 'SIGKILL'); } catch { /* gone */ } while (!proc.exited) await sleep(20); }
}
function killAllNow() { for (const [pid] of children) { try { process.kill(pid, 'SIGKILL'); } catch { /* gone */ } } }
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => { log(`${sig}: stopping children`); killAllNow(); process.exit(130); });
process.on('exit', killAllNow);

// ------------------------------------------------------------------ helpers
function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); });
  });
}
function httpStatus(method, url, timeoutMs = 1000) {
  return new Promise((resolve) => {
    const req = http.request(url, { method, headers: { 'content-length': 0 } }, (res) => { res.resume(); resolve(res.statusCode); });
    req.setTimeout(timeoutMs, () => req.destroy());
    req.on('error', () => resolve(0));
    req.end();
  });
}
function redisPing(port) {
  return new Promise((resolve) => {
    const s = net.connect({ host: '127.0.0.1', port });
    let buf = '';
    s.once('connect', () => s.write('PING\r\n'));
    s.on('data', (d) => { buf += d; if (buf.includes('\r\n')) { s.destroy(); resolve(buf.startsWith('+PONG')); } });
    s.once('error', () => resolve(false));
    s.setTimeout(1000, () => { s.destroy(); resolve(false); });
  });
}
/** Ready when /health/ready answers 200; before that endpoint exists, when the publish route answers 401 without a key. */
async function notifyReady(port) {
  const h = await httpStatus('GET', `http://127.0.0.1:${port}/health/ready`);
  if (h === 200) return true;
  if (h === 404) return (await httpStatus('POST', `http://127.0.0.1:${port}/api/notifications`)) === 401;
  return false;
}
async function waitFor(what, fn, proc, timeoutMs) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (proc && proc.exited) throw new Error(`${what}: process exited early (${JSON.stringify(proc.exitInfo)})`);
    if (await fn()) return;
    await sleep(100);
  }
  throw new Error(`${what}: not ready after ${timeoutMs} ms`);
}
function machineCpu() {
  const f = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const total = f.slice(0, 8).reduce((a, b) => a + b, 0);
  return { busy: total - f[3] - f[4], total };
}
async function waitQuiet(maxS, thresholdPct) {
  const t0 = Date.now();
  let pct;
  for (;;) {
    const a = machineCpu();
    await sleep(1000);
    const b = machineCpu();
    pct = b.total > a.total ? (100 * (b.busy - a.busy)) / (b.total - a.total) : 0;
    if (pct < thresholdPct || Date.now() - t0 >= maxS * 1000) break;
  }
  return { background_busy_pct: Math.round(pct * 10) / 10, waited_s: Math.round((Date.now() - t0) / 100) / 10 };
}
function tryExec(cmd, a) { try { return execFileSync(cmd, a, { stdio: ['ignore', 'pipe', 'pipe'], timeout: 20000 }).toString().trim(); } catch { return null; } }
function tail(file, n = 15) { try { return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-n).join('\n'); } catch { return ''; } }

// ------------------------------------------------------------------ build
function publish(runDir) {
  const proj = path.join(opt.src, 'Notify.Api', 'Notify.Api.csproj');
  if (!fs.existsSync(proj)) throw new Error(`no Notify.Api project under ${opt.src} (set NOTIFY_SRC or --src)`);
  const out = path.join(runDir, 'notify-bin');
  log(`dotnet publish ${proj} -c Release -> ${out}`);
  execFileSync('dotnet', ['publish', proj, '-c', 'Release', '-o', out, '-p:NotifySkipWeb=true', '--nologo', '-v', 'q'],
    { stdio: ['ignore', 'inherit', 'inherit'], timeout: 600000, env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1', DOTNET_NOLOGO: '1' } });
  return out;
}

// ------------------------------------------------------------------ one stack: redis + A + B
async function startStack(bin, variant, tag, runDir) {
  const [rp, pa, pb] = [await freePort(), await freePort(), await freePort()];
  const stack = { ports: { redis: rp, A: pa, B: pb } };
  stack.redis = startProc('redis', 'redis-server', ['--port', String(rp), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no',
    '--protected-mode', 'yes', '--daemonize', 'no', '--loglevel', 'warning', '--maxclients', '1000'], {}, `${runDir}/${tag}-redis.log`);
  await waitFor('redis', () => redisPing(rp), stack.redis, 10000);
  for (const [inst, port] of [['A', pa], ['B', pb]]) {
    const env = {
      ASPNETCORE_ENVIRONMENT: 'Development', DOTNET_ENVIRONMENT: 'Development',
      Redis__ConnectionString: `127.0.0.1:${rp},abortConnect=false`, Redis__ChannelPrefix: 'bench:',
      Logging__LogLevel__Default: 'Warning', DOTNET_CLI_TELEMETRY_OPTOUT: '1',
      // W5 measures what an instance can take, not the per-key token bucket (default 2000/s, burst 4000)
      RateLimits__PublishPerSecond: '1000000', RateLimits__PublishBurst: '1000000', ...PROFILE, ...variant.env,
    };
    stack[inst] = startProc(`notify-${inst}`, 'dotnet', [path.join(bin, 'Notify.Api.dll'), '--urls', `http://127.0.0.1:${port}`, '--contentRoot', bin], env, `${runDir}/${tag}-${inst}.log`);
  }
  for (const inst of ['A', 'B']) await waitFor(`notify ${inst}`, () => notifyReady(stack.ports[inst]), stack[inst], 60000);
  return stack;
}
async function stopStack(stack) {
  if (!stack) return;
  await Promise.all([stopProc(stack.A), stopProc(stack.B)]);
  await stopProc(stack.redis);
}
function runLoadgen(w, stack, tag, runDir) {
  const out = `${runDir}/${tag}-result.json`;
  const a = [path.join(__dirname, 'loadgen.js'), '--workload', w, '--port-a', String(stack.ports.A), '--port-b', String(stack.ports.B),
    '--pid-a', String(stack.A.pid), '--pid-b', String(stack.B.pid), '--pid-redis', String(stack.redis.pid), '--out', out, ...opt.loadgenArgs];
  return new Promise((resolve) => {
    const proc = startProc(`loadgen-${tag}`, process.execPath, a, {}, `${runDir}/${tag}-loadgen.log`);
    const timer = setTimeout(() => { log(`${tag}: loadgen over time, killing ${proc.pid}`); try { process.kill(proc.pid, 'SIGKILL'); } catch { /* gone */ } }, 450000);
    proc.on('exit', (code) => {
      clearTimeout(timer);
      let res = null;
      try { res = JSON.parse(fs.readFileSync(out, 'utf8')); } catch { /* none */ }
      if (!res) res = { error: `loadgen exit ${code}`, loadgen_log: tail(`${runDir}/${tag}-loadgen.log`, 10) };
      resolve(res);
    });
  });
}

// ------------------------------------------------------------------ table
const f1 = (x) => (x === null || x === undefined || Number.isNaN(x) ? '-' : (Math.abs(x) >= 100 ? Math.round(x).toString() : (Math.round(x * 10) / 10).toString()));
const f2 = (x) => (x === null || x === undefined ? '-' : (Math.round(x * 100) / 100).toFixed(2));
const mib = (k) => (k === null || k === undefined ? '-' : (k / 1024).toFixed(1));
const FIGURES = [
  ['W1 latency (200 users on B, 500 one-user publishes/s to A)', 'w1', null],
  ['  clients ready / asked', 'w1', (r) => `${r.ready}/${r.clients}`],
  ['  publish rate achieved /s', 'w1', (r) => f1(r.publish_rate_achieved)],
  ['  e2e p50 / p95 ms', 'w1', (r) => `${f2(r.latency_ms.p50)} / ${f2(r.latency_ms.p95)}`],
  ['  e2e p99 ms', 'w1', (r) => f2(r.latency_ms.p99)],
  ['  e2e max ms', 'w1', (r) => f2(r.latency_ms.max)],
  ['  lost / published ok', 'w1', (r) => `${r.lost}/${r.publish_ok}`],
  ['  publish HTTP p99 ms', 'w1', (r) => f2(r.publish_http_ms.p99)],
  ['  server CPU s A / B / redis', 'w1', (r) => `${f2(r.cpu.server_cpu_s.A)} / ${f2(r.cpu.server_cpu_s.B)} / ${f2(r.cpu.server_cpu_s.redis)}`],
  ['  server CPU ms per message (A+B)', 'w1', (r) => f2(r.server_cpu_ms_per_message)],
  ['  loadgen CPU % / other procs CPU s', 'w1', (r) => `${f1(r.cpu.loadgen_cpu_pct)} / ${f2(r.cpu.others_cpu_s)}`],
  ['W2 fan-out (one group, members split over A and B, group publishes to A)', 'w2', null],
  ['  clients ready / asked', 'w2', (r) => `${r.ready}/${r.clients}`],
  ['  deliveries/s', 'w2', (r) => f1(r.deliveries_per_s)],
  ['  time to last delivery ms', 'w2', (r) => f1(r.time_to_last_delivery_ms)],
  ['  lost / expected', 'w2', (r) => `${r.lost}/${r.expected_deliveries}`],
  ['  delivery p50 / p99 ms', 'w2', (r) => `${f1(r.delivery_latency_ms.p50)} / ${f1(r.delivery_latency_ms.p99)}`],
  ['  server CPU s A / B / redis', 'w2', (r) => `${f2(r.cpu.server_cpu_s.A)} / ${f2(r.cpu.server_cpu_s.B)} / ${f2(r.cpu.server_cpu_s.redis)}`],
  ['  server CPU us per delivery (A+B)', 'w2', (r) => f1(r.server_cpu_us_per_delivery)],
  ['  machine busy % / other procs CPU s', 'w2', (r) => `${f1(r.cpu.machine_busy_pct)} / ${f2(r.cpu.others_cpu_s)}`],
  ['W3 memory (idle connections on B, fresh instance)', 'w3', null],
  ['  connected / asked (alive after)', 'w3', (r) => `${r.connected}/${r.connections} (${r.alive_after_settle})`],
  ['  RSS before -> after MiB', 'w3', (r) => `${mib(r.rss_before_kib)} -> ${mib(r.rss_after_kib)}`],
  ['  KiB per connection', 'w3', (r) => f1(r.kib_per_connection)],
  ['  connects/s', 'w3', (r) => f1(r.connects_per_s)],
  ['W4 capacity (idle connections on B + W1 traffic, p99 < 100 ms)', 'w4', null],
  ['  connections held (all steps passed?)', 'w4', (r) => `${r.capacity_connections} (${r.capacity_reached_max_step ? 'yes' : 'no'})`],
  ['  p99 ms at each step', 'w4', (r) => r.steps.map((s) => `${s.total_asked / 1000}k:${f1(s.p99_ms)}${s.pass ? '' : '!'}`).join(' ')],
  ['  other procs CPU s per step (max)', 'w4', (r) => f2(Math.max(...r.steps.map((s) => s.others_cpu_s)))],
  ['  B RSS MiB at last step', 'w4', (r) => mib(r.steps.length ? r.steps[r.steps.length - 1].server_B_rss_kib : null)],
  ['W5 publish (open-loop POSTs/s to A, HTTP p99 < 50 ms)', 'w5', null],
  ['  max POSTs/s passing', 'w5', (r) => f1(r.max_rate_passing)],
  ['  at that rate: HTTP p50 / p99 ms', 'w5', (r) => (r.best_step ? `${f2(r.best_step.http_p50_ms)} / ${f2(r.best_step.http_p99_ms)}` : '-')],
  ['  at that rate: A CPU ms per POST', 'w5', (r) => (r.best_step ? f2(r.best_step.server_A_cpu_ms_per_post) : '-')],
  ['  other procs CPU s per step (max)', 'w5', (r) => f2(Math.max(...r.steps.map((s) => s.others_cpu_s)))],
  ['  first failing rate (p99 ms)', 'w5', (r) => { const s = r.steps.findLast((x) => x.rate_target === r.first_failing_rate); return s ? `${s.rate_target} (${f1(s.http_p99_ms)}, achieved ${f1(s.achieved)})` : '-'; }],
];
function table(results, names, workloads) {
  const figs = FIGURES.filter(([, w]) => workloads.includes(w));
  const rows = figs.map(([label, w, fn]) => (fn ? [label, ...names.map((n) => {
    const r = (results[n] || {})[w];
    if (!r) return '-';
    if (r.error) return 'ERR';
    try { const v = fn(r); return v === undefined || v === null ? '-' : String(v); } catch { return '?'; }
  })] : null));
  const head = ['figure', ...names];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.filter(Boolean).map((r) => r[i].length)));
  const line = (r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[0]) : c.padStart(widths[i]))).join('  ');
  const out = [line(head), widths.map((x) => '-'.repeat(x)).join('  ')];
  rows.forEach((r, k) => out.push(r ? line(r) : figs[k][0]));
  const errs = [];
  for (const n of names) for (const w of workloads) { const r = (results[n] || {})[w]; if (r && r.error) errs.push(`${n} ${w}: ${String(r.error).split('\n')[0]}`); }
  if (errs.length) out.push('', 'errors:', ...errs.map((e) => '  ' + e));
  return out.join('\n');
}

// ------------------------------------------------------------------ main
async function main() {
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'notify-bench-'));
  const bin = opt.bin || publish(runDir);
  if (!fs.existsSync(path.join(bin, 'Notify.Api.dll'))) throw new Error(`no Notify.Api.dll in ${bin}`);
  const meta = {
    started: new Date().toISOString(), host: os.hostname(), cpus: os.cpus().length, cpu_model: os.cpus()[0] && os.cpus()[0].model,
    mem_gib: Math.round(os.totalmem() / 2 ** 30), kernel: os.release(), node: process.version, dotnet_sdk: tryExec('dotnet', ['--version']),
    redis: tryExec('redis-server', ['--version']), nofile_limit: tryExec('bash', ['-c', 'ulimit -n']), quick: opt.quick,
    src: opt.bin ? null : opt.src, git: opt.bin ? null : tryExec('git', ['-C', opt.src, 'rev-parse', '--short', 'HEAD']),
    bin, runtimeconfig: (() => { try { return JSON.parse(fs.readFileSync(path.join(bin, 'Notify.Api.runtimeconfig.json'), 'utf8')).runtimeOptions.configProperties; } catch { return null; } })(),
    runtime_profile: PROFILE, runtime_profile_from: path.join(opt.src, 'Dockerfile'), loadgen_args: opt.loadgenArgs, variants: opt.variants, workloads: opt.workloads, run_dir: runDir,
  };
  log(`runtime profile (Dockerfile ENV): ${Object.entries(PROFILE).map(([k, v]) => `${k}=${v}`).join(' ') || 'none'}`);
  log(`run dir ${runDir}; variants: ${opt.variants.map((v) => v.name).join(', ')}; workloads: ${opt.workloads.join(', ')}`);
  const results = {};
  for (const variant of opt.variants) {
    results[variant.name] = { env: variant.env };
    for (const w of opt.workloads) {
      const tag = `${variant.name}-${w}`;
      let stack = null;
      const t0 = Date.now();
      const quiet = await waitQuiet(opt.waitQuietS, opt.quietPct);
      if (quiet.background_busy_pct >= opt.quietPct) log(`${tag}: machine not quiet: ${quiet.background_busy_pct}% busy before start`);
      try {
        stack = await startStack(bin, variant, tag, runDir);
        log(`${tag}: stack up (redis ${stack.redis.pid}:${stack.ports.redis}, A ${stack.A.pid}:${stack.ports.A}, B ${stack.B.pid}:${stack.ports.B}); running`);
        results[variant.name][w] = await runLoadgen(w, stack, tag, runDir);
        for (const inst of ['A', 'B']) if (stack[inst].exited) results[variant.name][w].server_exited = { ...(results[variant.name][w].server_exited || {}), [inst]: stack[inst].exitInfo };
      } catch (e) {
        results[variant.name][w] = { error: e.message, server_log_A: tail(`${runDir}/${tag}-A.log`), server_log_B: tail(`${runDir}/${tag}-B.log`) };
      } finally {
        await stopStack(stack);
      }
      const r = results[variant.name][w];
      r.background = quiet;
      log(`${tag}: done in ${((Date.now() - t0) / 1000).toFixed(1)} s${r.error ? ' ERROR: ' + r.error : ''}`);
    }
  }
  meta.finished = new Date().toISOString();
  fs.mkdirSync(opt.outDir, { recursive: true });
  const jsonPath = path.join(opt.outDir, `bench-${stamp}.json`);
  fs.writeFileSync(jsonPath, JSON.stringify({ meta, results }, null, 2) + '\n');
  fs.copyFileSync(jsonPath, path.join(opt.outDir, 'latest.json'));
  const t = `Notify benchmark ${meta.started.slice(0, 16)}Z, ${meta.cpus} x ${meta.cpu_model}, ${meta.mem_gib} GiB, ${meta.kernel}${opt.quick ? ' (--quick)' : ''}\n\n` +
    table(results, opt.variants.map((v) => v.name), opt.workloads);
  fs.writeFileSync(path.join(opt.outDir, `bench-${stamp}.txt`), t + '\n');
  console.log('\n' + t + '\n');
  console.log(`results: ${jsonPath} (also ${path.join(opt.outDir, 'latest.json')}); logs: ${runDir}`);
  const failed = Object.values(results).some((r) => opt.workloads.some((w) => r[w] && r[w].error));
  process.exitCode = failed ? 1 : 0;
}

main().catch((e) => { console.error(e && e.stack ? e.stack : e); killAllNow(); process.exit(1); });
