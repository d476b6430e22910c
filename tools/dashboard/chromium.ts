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
    // Chromium may still be writing its profile as it disconnects: remove the profile once its process has exited.
    const chromium = browser.process();
    if (chromium) chromium.once('exit', () => removeProfile(profile));
    else browser.once('disconnected', () => removeProfile(profile));
    return browser;
  } catch (error) {
    removeProfile(profile);
    throw error;
  }
};

/** A profile left behind in the temporary folder is harmless; a cleanup error must not fail the caller. */
const removeProfile = (profile: string): void => {
  try {
    rmSync(profile, { recursive: true, force: true, maxRetries: 3, retryDelay: 100 });
  } catch {
    // left for the system's temporary-file cleanup
  }
};
