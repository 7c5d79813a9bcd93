import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const webDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const repoDir = path.resolve(webDir, '..');
export const artifactsDir = path.join(webDir, 'e2e', 'artifacts');
export const topologyScript = path.join(process.env.NOTIFY_SOURCE_DIR ?? repoDir, 'scripts', 'topology.sh');
