// `npm run dashboard:screenshot`: with `npm start` running (demo data loaded), opens the dashboard in Debian's
// chromium, picks the first open need, unfolds the top company's explanation and writes docs/dashboard.png.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readEnv, stringVar } from '#platform';
import { launchChromium } from './chromium.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const { dashboardUrl, apiKey } = readEnv({
  dashboardUrl: stringVar('DASHBOARD_URL', 'http://127.0.0.1:3000'),
  apiKey: stringVar('PARKMATCH_API_KEY', 'dev-admin-key'),
});
const output = path.join(ROOT, 'docs', 'dashboard.png');

const browser = await launchChromium();
try {
  const page = await browser.newPage();
  page.setDefaultTimeout(30_000);
  await page.goto(`${dashboardUrl}/?lang=en`);
  await page.locator('#api-key').fill(apiKey);
  await page.locator('.key-form button[type="submit"]').click();
  await page.locator('button[data-need-id]').click();
  await page.waitForSelector('#shortlist-rows > tr');
  await page.locator('#shortlist-rows > tr:first-child summary').click();
  await page.waitForSelector('#live-state[data-state="live"]');
  await page.screenshot({ path: output, fullPage: false });
  console.log(`wrote ${path.relative(ROOT, output)}`);
} finally {
  await browser.close();
}
