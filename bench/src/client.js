'use strict';
// A thin SignalR client (JSON hub protocol over WebSockets, negotiation skipped) for Notify's hub, plus the
// dev-token and group-membership calls the workloads need. It only looks for the token "nt~SEQ~T0~" that the
// generator puts in every title, so its cost per delivery is small (adapted from ../shared/peers/loadgen/clients.js).
const http = require('http');
const WebSocket = require('ws');
const { httpJson, pool } = require('./lib');

const RS = '\x1e';
const HUB_PATH = '/hubs/notifications';
const TARGET_NEEDLE = '"target":"NotificationReceived"';
const API_KEY = process.env.NOTIFY_BENCH_API_KEY || 'notify-dev-key';
const tokenAgent = new http.Agent({ keepAlive: true, maxSockets: 16 });

function withTimeout(promise, ms, what) {
  let t;
  return Promise.race([promise, new Promise((_, rej) => { t = setTimeout(() => rej(new Error(`${what} timed out after ${ms} ms`)), ms); })])
    .finally(() => clearTimeout(t));
}

/** Dev tokens for many users from POST /api/dev/token (Development only), 16 requests in flight. */
async function devTokens(port, users) {
  const res = await pool(users, 16, async (u) => {
    const r = await httpJson('POST', `http://127.0.0.1:${port}/api/dev/token`, { userId: u }, {}, tokenAgent);
    if (r.status !== 200) throw new Error(`dev token HTTP ${r.status}: ${r.body.slice(0, 200)}`);
    return JSON.parse(r.body).accessToken;
  });
  const bad = res.find((x) => x instanceof Error);
  if (bad) throw bad;
  return res;
}

/** PUT /api/groups/{group}/members/{user} for each user (the server owns membership), 32 in flight. */
async function joinGroup(port, group, users) {
  const res = await pool(users, 32, async (u) => {
    const r = await httpJson('PUT', `http://127.0.0.1:${port}/api/groups/${encodeURIComponent(group)}/members/${encodeURIComponent(u)}`, undefined, { 'x-api-key': API_KEY }, tokenAgent);
    if (r.status >= 300) throw new Error(`join HTTP ${r.status}`);
  });
  return res.filter((x) => !(x instanceof Error)).length;
}

/** Find "nt~<seq>~<t0>~" in text and report it; true if found. */
function scanToken(text, idx, onToken) {
  const i = text.indexOf('nt~');
  if (i === -1) return false;
  const j = text.indexOf('~', i + 3);
  const k = j === -1 ? -1 : text.indexOf('~', j + 1);
  if (k === -1) return false;
  onToken(idx, Number(text.slice(i + 3, j)), Number(text.slice(j + 1, k)));
  return true;
}

class HubClient {
  /** ctx.onToken(idx, seq, t0) is called once per NotificationReceived that carries a token. */
  constructor(port, user, token, idx, ctx, keepAliveMs = 15000) {
    Object.assign(this, { port, user, token, idx, ctx, keepAliveMs });
    this.connected = false;
    this.closing = false;
    this.closedUnexpectedly = false;
  }
  connect() {
    const url = `ws://127.0.0.1:${this.port}${HUB_PATH}?access_token=${encodeURIComponent(this.token)}`;
    const ws = new WebSocket(url, { perMessageDeflate: false, handshakeTimeout: 15000 });
    this.ws = ws;
    this.buf = '';
    ws.on('close', () => {
      if (this.connected && !this.closing) { this.closedUnexpectedly = true; if (this.ctx.onClose) this.ctx.onClose(this.idx); }
      this.connected = false;
      if (this.kaTimer) clearInterval(this.kaTimer);
    });
    ws.on('error', (e) => { this.lastError = e.message; });
    return withTimeout(new Promise((resolve, reject) => {
      let handshaken = false;
      ws.once('open', () => ws.send('{"protocol":"json","version":1}' + RS));
      ws.once('error', reject);
      ws.once('unexpected-response', (req, res) => reject(new Error(`HTTP ${res.statusCode} on upgrade`)));
      ws.on('message', (data) => {
        let text = data.toString();
        if (this.buf) { text = this.buf + text; this.buf = ''; }
        let start = 0;
        for (;;) {
          const end = text.indexOf(RS, start);
          if (end === -1) { if (start < text.length) this.buf = text.slice(start); break; }
          const rec = text.slice(start, end);
          start = end + 1;
          if (!handshaken) {
            handshaken = true;
            const h = rec === '{}' ? {} : JSON.parse(rec);
            if (h.error) { reject(new Error(`handshake: ${h.error}`)); return; }
            this.connected = true;
            if (this.keepAliveMs > 0) this.kaTimer = setInterval(() => { if (ws.readyState === 1) ws.send('{"type":6}' + RS); }, this.keepAliveMs);
            resolve();
            continue;
          }
          if (rec.indexOf('nt~') !== -1) {
            if (rec.includes(TARGET_NEEDLE)) scanToken(rec, this.idx, this.ctx.onToken);
            else this.ctx.otherTarget = (this.ctx.otherTarget || 0) + 1;
          } else if (rec.startsWith('{"type":7')) {
            this.closeError = rec;
          }
        }
      });
    }), 15000, 'connect');
  }
  close() {
    this.closing = true;
    if (this.kaTimer) clearInterval(this.kaTimer);
    if (this.ws) { try { this.ws.terminate(); } catch { /* gone */ } }
  }
}

module.exports = { HubClient, devTokens, joinGroup, scanToken, API_KEY, tokenAgent };
