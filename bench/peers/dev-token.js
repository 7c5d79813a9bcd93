'use strict';
// Token module for ../shared/peers: asks the Notify instance itself, POST /api/dev/token {"userId": user} -> {"accessToken"}.
// Development only. Copied from shared/peers/peers/examples/dev-token.js so that notify.json can name it relatively.
const cache = new Map();
async function token(user, vars) {
  const key = `${vars.port}/${user}`;
  if (cache.has(key)) return cache.get(key);
  const res = await fetch(`http://${vars.host}:${vars.port}/api/dev/token`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: user }),
    signal: AbortSignal.timeout(15000),
  });
  if (!res.ok) throw new Error(`dev token HTTP ${res.status}`);
  const t = (await res.json()).accessToken;
  cache.set(key, t);
  return t;
}
module.exports = { token };
