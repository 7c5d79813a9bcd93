import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

const tmp = path.join(tmpdir(), 'notify-e2e-chromium');
mkdirSync(tmp, { recursive: true });

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Debian's Chromium with a fresh profile: one per user, so two users never share storage. */
export async function launch(viewport = { width: 1280, height: 800 }): Promise<Browser> {
  const profile = mkdtempSync(path.join(tmp, 'profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    viewport,
    env: { ...process.env, TMPDIR: tmp },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  // Record every toast the page ever shows (they auto-hide), so a test can tell "exactly once".
  await context.addInitScript(() => {
    const log: string[] = [];
    Object.assign(window, { __toasts: log });
    new MutationObserver((records) => {
      for (const record of records)
        for (const node of record.addedNodes)
          if (node instanceof HTMLElement && node.dataset.toast) log.push(node.dataset.toast);
    }).observe(document, { childList: true, subtree: true });
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Opens the demo signed in as `user` and waits until it is connected. */
export async function openAs(context: BrowserContext, url: string, user: string, instances?: string[]): Promise<Page> {
  const page = await context.newPage();
  const query = new URLSearchParams({ user });
  if (instances) query.set('instances', instances.join(','));
  await page.goto(`${url}/?${query}`);
  await connected(page);
  return page;
}

export async function connected(page: Page, timeout = 20_000): Promise<void> {
  await page.locator('[data-status="connected"]').waitFor({ timeout });
}

export const toast = (page: Page, title: string) => page.locator('[data-toast]', { hasText: title });

export async function toastLog(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __toasts: string[] }).__toasts);
}

export async function openPanel(page: Page): Promise<void> {
  const bell = page.locator('.bell-button');
  if ((await bell.getAttribute('aria-expanded')) !== 'true') await bell.click();
  await page.getByRole('dialog', { name: 'Notifications' }).waitFor();
}

export const panelItem = (page: Page, title: string) => page.locator('.panel .notification', { hasText: title });
export const badge = (page: Page) => page.getByTestId('unread-badge');
