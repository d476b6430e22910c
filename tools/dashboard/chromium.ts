import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch, type Browser } from 'puppeteer-core';

/** Debian's chromium package, which `npm test` installs with apt when it is missing; nothing downloads a browser. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Exactly what chromium starts with: headless, quiet (no update, sync or background traffic), no GPU. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const;

/** A headless chromium with a profile of its own, removed when the browser closes. */
export const launchChromium = async (): Promise<Browser> => {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'parkmatch-chromium-'));
  try {
    const browser = await launch({
      executablePath: CHROMIUM_PATH,
      ignoreDefaultArgs: true,
      args: [...CHROMIUM_FLAGS, `--user-data-dir=${profile}`, 'about:blank'],
      defaultViewport: { width: 1400, height: 900 },
    });
    browser.once('disconnected', () => rmSync(profile, { recursive: true, force: true }));
    return browser;
  } catch (error) {
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
};
