import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { ROOT } from '../../server/config.ts';
import { buildTestApp } from './app.ts';

/** The system Chromium (Debian package). Never downloaded: tests run offline. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = path.join(ROOT, 'test-results', 'screenshots');
export const AXE_PATH = path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');

/**
 * Launches headless Chromium. A missing browser fails the run with instructions instead of
 * skipping, so a machine without it can't pass the browser tests by accident.
 */
export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}. The browser tests need it: install the system package ` +
        `(apt-get install chromium) or set CHROMIUM_PATH to a Chromium binary. Do not run "playwright install".`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export interface Served {
  app: FastifyInstance;
  /** http://127.0.0.1:<port> */
  base: string;
}

export interface SuiteOptions {
  /** Changes the copy of the test database before the app reads it (e.g. adds NvIs). */
  prepare?: (dbPath: string) => void | Promise<void>;
}

/** The production app on a copy of the test database, listening on a free port. */
export async function startServer(options: SuiteOptions = {}): Promise<Served> {
  const app = await buildTestApp({}, options.prepare ? { prepare: options.prepare } : {});
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, base };
}

export const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 900 }, locale: 'nl-NL' };
export const PHONE: BrowserContextOptions = { viewport: { width: 360, height: 740 }, locale: 'nl-NL', isMobile: true, hasTouch: true };

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/**
 * Collects script errors, CSP violations and server errors in the page, for a test to assert
 * empty. (404s are left out: the not-found page is one of the pages under test.)
 */
export function watchForErrors(page: Page, base: string): string[] {
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(`page error: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !/Failed to load resource/.test(msg.text())) errors.push(`console: ${msg.text()}`);
  });
  page.on('response', (res) => {
    if (res.url().startsWith(base) && res.status() >= 500) errors.push(`${res.status()} ${res.url()}`);
  });
  return errors;
}

interface AxeResult {
  violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }>;
}

/** What the pages must pass: WCAG 2.2 A and AA, and axe's best practices. */
const AXE_RUN = { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } };

/**
 * A context axe can run in: axe is injected as a script, which the pages' CSP would refuse, so
 * only this context bypasses it.
 */
export function axeContext(browser: Browser, options: BrowserContextOptions = DESKTOP): Promise<BrowserContext> {
  return browser.newContext({ ...options, bypassCSP: true });
}

/** The serious and critical axe violations of the page as it is now, readable (page of an `axeContext`). */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE_PATH });
  const result = (await page.evaluate(`axe.run(document, ${JSON.stringify(AXE_RUN)})`)) as AxeResult;
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/**
 * Presses Tab from the focused element until `done` holds (asked after each press), at most `max`
 * times: the number of presses, Infinity when it never held.
 */
export async function tabUntil(page: Page, done: () => Promise<boolean>, max: number): Promise<number> {
  for (let n = 1; n <= max; n++) {
    await page.keyboard.press('Tab');
    if (await done()) return n;
  }
  return Infinity;
}

export interface BrowserSuite {
  readonly browser: Browser;
  readonly served: Served;
  /** A page in a context of its own, its errors collected; opened at `path` when one is given. */
  open(path?: string, options?: BrowserContextOptions): Promise<{ page: Page; errors: string[] }>;
}

/** One browser and one server for the test file that calls this (its hooks are registered here). */
export function useBrowserSuite(options: SuiteOptions = {}): BrowserSuite {
  let browser: Browser | undefined;
  let served: Served | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
    served = await startServer(options);
  });
  afterAll(async () => {
    await browser?.close();
    await served?.app.close();
  });
  const suite: BrowserSuite = {
    get browser() {
      if (!browser) throw new Error('the browser starts in beforeAll');
      return browser;
    },
    get served() {
      if (!served) throw new Error('the server starts in beforeAll');
      return served;
    },
    async open(path, options = DESKTOP) {
      const page = await (await suite.browser.newContext(options)).newPage();
      const errors = watchForErrors(page, suite.served.base);
      if (path !== undefined) await page.goto(suite.served.base + path);
      return { page, errors };
    },
  };
  return suite;
}
