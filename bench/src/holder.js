#!/usr/bin/env node
'use strict';
// W4 helper: holds idle hub connections in its own process (the open-file limit is per process).
//   node src/holder.js PORT PREFIX FROM COUNT CONCURRENCY
// stdin commands: "add N" (connect N more), "status" (one JSON line on stdout). Exits when stdin closes,
// on SIGTERM, or after a hard timeout, closing every connection.
const readline = require('readline');
const { pool } = require('./lib');
const { HubClient, devTokens } = require('./client');

const [port, prefix, from, count, concurrency] = process.argv.slice(2);
const clients = [];
let target = 0, connected = 0, failed = 0, closed = 0, busy = Promise.resolve();
const ctx = { onToken: () => {}, onClose: () => { closed++; } };
let lastError = null;

function add(n) {
  const start = Number(from) + target;
  target += n;
  busy = busy.then(async () => {
    const users = Array.from({ length: n }, (_, i) => `${prefix}${start + i}`);
    let tokens;
    try { tokens = await devTokens(Number(port), users); } catch (e) { failed += n; lastError = e.message; return; }
    const batch = users.map((u, i) => new HubClient(Number(port), u, tokens[i], clients.length + i, ctx));
    clients.push(...batch);
    const res = await pool(batch, Number(concurrency), (c) => c.connect());
    for (const r of res) if (r instanceof Error) { failed++; lastError = r.message; } else connected++;
  });
}
function status() {
  busy.then(() => {});
  const alive = clients.reduce((s, c) => s + (c.connected ? 1 : 0), 0);
  const done = connected + failed >= target;
  process.stdout.write(JSON.stringify({ target, done, connected, failed, alive, closed, lastError }) + '\n');
}
function quit() { for (const c of clients) c.close(); setTimeout(() => process.exit(0), 200); }

readline.createInterface({ input: process.stdin }).on('line', (l) => {
  const [cmd, arg] = l.trim().split(/\s+/);
  if (cmd === 'add') add(Number(arg));
  else if (cmd === 'status') status();
});
process.stdin.on('end', quit);
process.on('SIGTERM', quit);
setTimeout(quit, 900000).unref();
add(Number(count));
busy.then(status);
