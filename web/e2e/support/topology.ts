import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll } from 'vitest';
import { launch, type Browser } from './browser';
import { topologyScript } from './paths';

const run = promisify(execFile);

export type InstanceName = 'a' | 'b';

export interface Topology {
  a: string;
  b: string;
  stop(name: InstanceName): Promise<void>;
  start(name: InstanceName): Promise<void>;
  down(): Promise<void>;
}

/** A private Redis and instances A and B for one test file, through scripts/topology.sh. */
export async function startTopology(): Promise<Topology> {
  const state = mkdtempSync(path.join(tmpdir(), 'notify-topology-'));
  const env = { ...process.env, NOTIFY_TOPOLOGY_DIR: state };
  const script = (...args: string[]) => run('bash', [topologyScript, ...args], { env, timeout: 120_000 });
  await script('up');
  const values = JSON.parse(readFileSync(path.join(state, 'env.json'), 'utf8')) as Record<string, string>;
  return {
    a: values.NOTIFY_A_URL!,
    b: values.NOTIFY_B_URL!,
    stop: async (name) => void (await script('stop', name)),
    start: async (name) => void (await script('start', name)),
    down: async () => {
      await script('stop');
      rmSync(state, { recursive: true, force: true });
    },
  };
}

/** A topology and one browser for a describe block: started before its tests, stopped after. */
export function useTopologyAndBrowser(): { readonly topology: Topology; readonly browser: Browser } {
  const stack = {} as { topology: Topology; browser: Browser };
  beforeAll(async () => {
    stack.topology = await startTopology();
    stack.browser = await launch();
  });
  afterAll(async () => {
    await stack.browser?.close();
    await stack.topology?.down();
  });
  return stack;
}
