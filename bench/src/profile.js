'use strict';
// The image's runtime profile, shared by run.js (which gives it to the instances) and check-profile.js (which
// checks that peers/notify.json gives the peer harness the same).
const fs = require('fs');
const path = require('path');

/**
 * The runtime profile the image ships: the `DOTNET_*` variables of the Dockerfile's `ENV` instructions, read from the
 * source tree so that the benchmark measures what deploys and the two cannot drift apart. A variant overrides it.
 */
function imageRuntimeProfile(src) {
  const file = path.join(src, 'Dockerfile');
  if (!fs.existsSync(file)) { console.error(`bench: no ${file}: running without the image's runtime profile`); return {}; }
  const env = {};
  const text = fs.readFileSync(file, 'utf8').replace(/\\\r?\n/g, ' ');   // join continued lines
  for (const line of text.split('\n')) {
    const m = /^\s*ENV\s+(.*)$/.exec(line);
    if (!m) continue;
    for (const kv of m[1].trim().split(/\s+/)) {
      const e = kv.indexOf('=');
      if (e > 0 && kv.startsWith('DOTNET_')) env[kv.slice(0, e)] = kv.slice(e + 1).replace(/^(["'])(.*)\1$/, '$2');
    }
  }
  return env;
}

module.exports = { imageRuntimeProfile };
