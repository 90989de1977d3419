// Takes the README's screenshot of the playground's main view (docs/playground.png) from the built page,
// with Debian's Chromium: `npm run build -w apps/playground && node apps/playground/scripts/screenshot.mjs`.
import { chromium } from 'playwright-core';
import { preview } from 'vite';

const root = new URL('..', import.meta.url).pathname;
const out = new URL('../../../docs/playground.png', import.meta.url).pathname;
const server = await preview({ root, preview: { host: '127.0.0.1', port: 0, open: false }, logLevel: 'silent' });
const browser = await chromium.launch({
  executablePath: process.env.SPACELINT_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 760 }, deviceScaleFactor: 1 });
  await page.goto(server.resolvedUrls.local[0]);
  await page.waitForSelector('#findings li.finding');
  await page.click('.tab[data-path="app.py"] .tab-open');
  await page.screenshot({ path: out });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  await server.close();
}
