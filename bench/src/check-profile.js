#!/usr/bin/env node
'use strict';
// test.sh runs this: the peer file must start Notify with the image's runtime profile, or the peer table would
// measure another configuration than the one that deploys. Exit 1 and say which variable differs.
const path = require('path');
const { imageRuntimeProfile } = require('./profile');

const root = path.resolve(__dirname, '..', '..');
const image = imageRuntimeProfile(root);
if (!Object.keys(image).length) { console.log('the Dockerfile sets no DOTNET_ variables'); process.exit(1); }
const peer = require(path.join(root, 'bench', 'peers', 'notify.json')).start.env;
const keys = Object.keys(image).sort();
const diff = keys.filter((k) => image[k] !== peer[k]);
if (diff.length) {
  for (const k of diff) console.log(`${k}: Dockerfile ${image[k] ?? '(unset)'}, bench/peers/notify.json ${peer[k] ?? '(unset)'}`);
  process.exit(1);
}
console.log(`bench/peers/notify.json carries the image's runtime profile: ${keys.map((k) => `${k}=${image[k]}`).join(' ')}`);
