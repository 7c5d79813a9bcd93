import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { artifactsDir, repoDir, topologyScript } from './paths';

/** Publishes the server once for every file (unless NOTIFY_E2E_SKIP_BUILD=1 and one is already published). */
export default function setup(): void {
  mkdirSync(artifactsDir, { recursive: true });
  const source = process.env.NOTIFY_SOURCE_DIR ?? repoDir;
  const published = path.join(process.env.NOTIFY_PUBLISH_DIR ?? path.join(source, '.test-artifacts', 'notify-publish'), 'Notify.Api.dll');
  if (process.env.NOTIFY_E2E_SKIP_BUILD === '1' && existsSync(published)) return;
  const started = Date.now();
  execFileSync('bash', [topologyScript, 'build'], { stdio: ['ignore', 'inherit', 'inherit'] });
  console.log(`[e2e] server published in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
