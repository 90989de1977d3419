import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer, request as httpRequest, type Server } from 'node:http';
import { dirname, join } from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeHub, type FakeHub } from '@spacelint/hub/testing';
import { DIST, ensureBuilt, HAS_CHROMIUM, launchChromium, serveDist, SKIP_REASON } from './harness.js';

const EXAMPLES = new URL('../../../examples/', import.meta.url).pathname;
/** The CLI's pinned findings for the example the playground opens with (examples/expected-findings.json). */
const PINNED: string[] = JSON.parse(readFileSync(join(EXAMPLES, 'expected-findings.json'), 'utf8'))['bad-gradio-zerogpu'];

const BUDGET_BYTES = 2.5 * 1024 * 1024;
const COLD_FIRST_FINDINGS_MS = 1500;
const RELINT_MS = 30;

let browser: Browser;
let site: Awaited<ReturnType<typeof serveDist>>;
/** Every console error and uncaught exception of every page, checked at the end of each test. */
let consoleErrors: string[] = [];

async function openPage(path = '', context?: BrowserContext): Promise<{ page: Page; context: BrowserContext }> {
  const ctx = context ?? (await browser.newContext({ viewport: { width: 1280, height: 800 } }));
  const page = await ctx.newPage();
  page.on('console', (msg) => {
    if (msg.type() === 'error') consoleErrors.push(`${msg.text()} @ ${msg.location().url}`);
  });
  page.on('pageerror', (error) => consoleErrors.push(`uncaught: ${error.message}`));
  await page.goto(site.url + path);
  return { page, context: ctx };
}

/** What the findings list shows, in the CLI's pinned form `file:line:column level rule`. */
async function shownFindings(page: Page): Promise<string[]> {
  return page.$$eval('#findings li.finding', (items) =>
    items.map((li) => {
      const d = (li as HTMLElement).dataset;
      return `${d.file}:${d.line}:${d.column} ${li.querySelector('.level')!.textContent} ${d.ruleId}`;
    }),
  );
}

const lintCount = (page: Page) => page.$eval('#findings', (el) => Number((el as HTMLElement).dataset.lintCount));

async function waitForLint(page: Page, after: number): Promise<void> {
  await page.waitForFunction((n) => Number((document.getElementById('findings') as HTMLElement).dataset.lintCount) > n, after);
}

async function openTab(page: Page, path: string): Promise<void> {
  await page.click(`.tab[data-path="${path}"] .tab-open`);
}

/** The text of the open tab, as the editor holds it (small files: every line is rendered). */
async function editorText(page: Page): Promise<string> {
  return page.$$eval('.cm-content .cm-line', (lines) => lines.map((l) => (l.textContent === '\u200b' ? '' : l.textContent)).join('\n'));
}

/** Pastes text into the editor with a real paste event, replacing the file's contents. */
async function pasteInto(page: Page, path: string, text: string): Promise<void> {
  await openTab(page, path);
  await page.click('.cm-content');
  await page.keyboard.press('Control+A');
  await page.evaluate((t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    document.querySelector('.cm-content')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

describe.skipIf(!HAS_CHROMIUM)(`playground in Debian Chromium${HAS_CHROMIUM ? '' : ` (${SKIP_REASON})`}`, () => {
  beforeAll(async () => {
    ensureBuilt();
    site = await serveDist();
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  const noConsoleErrors = () => {
    const errors = consoleErrors;
    consoleErrors = [];
    expect(errors).toEqual([]);
  };

  it("shows the first findings within 1.5 s of a cold navigation, the CLI's findings exactly, within the transfer budget", async () => {
    // Each attempt is a new browser context: empty HTTP cache, no service worker. The machine is shared
    // (2 cores, other test projects run at the same time), so the best of up to three cold loads counts.
    const attempts: number[] = [];
    let page!: Page;
    let context!: BrowserContext;
    let transferred = 0;
    for (let attempt = 0; attempt < 3 && !(Math.min(...attempts) <= COLD_FIRST_FINDINGS_MS); attempt++) {
      await context?.close();
      const before = site.bytesSent();
      ({ page, context } = await openPage());
      await page.waitForSelector('#findings li.finding');
      attempts.push(await page.evaluate(() => performance.getEntriesByName('spacelint:first-findings')[0].startTime));
      await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
      transferred = site.bytesSent() - before;
    }
    console.log(`playground: first findings ${attempts.map((t) => t.toFixed(0)).join(', ')} ms after navigation start (cold loads)`);
    expect(Math.min(...attempts)).toBeLessThanOrEqual(COLD_FIRST_FINDINGS_MS);
    expect(await shownFindings(page)).toEqual(PINNED);
    // Underlined in the editor: README.md is open and carries its findings.
    expect(await page.$$eval('.cm-lintRange', (els) => els.length)).toBeGreaterThan(0);
    const report = JSON.parse(readFileSync(join(DIST, 'size-report.json'), 'utf8')) as { totalBytes: number };
    console.log(`playground: cold load transferred ${(transferred / 1024).toFixed(0)} KB; dist/ totals ${(report.totalBytes / 1024).toFixed(0)} KB`);
    expect(transferred).toBeLessThanOrEqual(BUDGET_BYTES);
    expect(report.totalBytes).toBeLessThanOrEqual(BUDGET_BYTES);
    await context.close();
    noConsoleErrors();
  });

  it('lints a pasted bad Space with the right rule ids and lines, underlined where they are', async () => {
    const { page, context } = await openPage();
    await waitForLint(page, 0); // the first findings, not the loading line
    await page.selectOption('#template', 'gradio');
    await page.waitForSelector('#findings li.clean');
    let count = await lintCount(page);
    await pasteInto(page, 'README.md', '---\ntitle: Broken\nsdk: gradio\nsdk_version: "6.25.0"\napp_file: main.py\nhardware: t4-small\n---\n\n# Broken\n');
    await waitForLint(page, count);
    count = await lintCount(page);
    await pasteInto(page, 'requirements.txt', 'gradio==4.44.1\nnumpy\n');
    await waitForLint(page, count);
    const shown = await shownFindings(page);
    expect(shown).toContain('README.md:5:11 error config-app-file-missing');
    expect(shown).toContain('README.md:6:1 warning config-unknown-key');
    expect(shown).toContain('requirements.txt:1:1 error deps-sdk-managed-packages');
    // The open file's findings are underlined: one lint range per finding in requirements.txt.
    const inFile = shown.filter((f) => f.startsWith('requirements.txt:')).length;
    expect(await page.$$eval('.cm-lintRange', (els) => els.length)).toBe(inFile);
    await context.close();
    noConsoleErrors();
  });

  it('applies a fix and a suggestion: the finding goes and the file changes as core says', async () => {
    const { page, context } = await openPage();
    await page.waitForSelector('#findings li.finding');
    // A fix: packages.txt names a package Debian no longer has; core's fix renames it.
    const packages = '#findings li[data-rule-id="deps-packages-txt"]';
    expect(await page.$$(packages)).toHaveLength(1);
    let count = await lintCount(page);
    await page.click(`${packages} button.fix`);
    await waitForLint(page, count);
    expect(await page.$$(packages)).toHaveLength(0);
    await openTab(page, 'packages.txt');
    expect((await editorText(page)).split('\n')[0]).toBe('libgl1');
    // A suggestion (never applied by Fix all): the unsupported torch pin in requirements.txt.
    const torch = '#findings li[data-rule-id="zerogpu-unsupported-versions"]';
    count = await lintCount(page);
    await page.click(`${torch} button.suggestion >> text=Leave torch unpinned`);
    await waitForLint(page, count);
    expect(await page.$$(torch)).toHaveLength(0);
    await openTab(page, 'requirements.txt');
    expect(await editorText(page)).toMatch(/^torch$/m);
    // Fix all applies every remaining safe fix, like `spacelint --fix`.
    await page.click('#fix-all');
    await page.waitForFunction(() => !document.querySelector('#findings li .fix'));
    expect(await page.textContent('#status')).toMatch(/^Applied \d+ safe fix/);
    await context.close();
    noConsoleErrors();
  });

  it('re-lints within 30 ms of a keystroke (measured in the browser) for a typical Space', async () => {
    const { page, context } = await openPage();
    await page.waitForSelector('#findings li.finding');
    await openTab(page, 'app.py');
    await page.click('.cm-content');
    await page.keyboard.press('Control+End');
    const durations: number[] = [];
    for (const key of ['#', ' ', 'a', 'b', 'c', 'd', 'e']) {
      const count = await lintCount(page);
      await page.keyboard.type(key);
      await waitForLint(page, count);
      durations.push(await page.$eval('#findings', (el) => Number((el as HTMLElement).dataset.lintMs)));
    }
    const sorted = [...durations].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)];
    console.log(`playground: re-lint after a keystroke ${durations.map((d) => d.toFixed(1)).join(', ')} ms (median ${median.toFixed(1)} ms)`);
    expect(median).toBeLessThanOrEqual(RELINT_MS);
    expect(await shownFindings(page)).toEqual(PINNED);
    await context.close();
    noConsoleErrors();
  });

  it('restores the same files from a share link, in a fresh browser context', async () => {
    const { page, context } = await openPage();
    await page.waitForSelector('#findings li.finding');
    await page.fill('.new-file input', 'src/model.py');
    await page.press('.new-file input', 'Enter');
    await page.keyboard.type('import torch\n# ünïcode ✓\n');
    const texts: Record<string, string> = {};
    const paths = await page.$$eval('.tab[data-path] .tab-open', (els) => els.map((e) => (e.parentElement as HTMLElement).dataset.path!));
    for (const path of paths) {
      await openTab(page, path);
      texts[path] = await editorText(page);
    }
    await page.click('#share');
    await page.waitForSelector('#status:not([hidden])');
    const link = page.url();
    expect(link).toMatch(/#space=[A-Za-z0-9_-]+$/);
    const findings = await shownFindings(page);
    await context.close();

    const fresh = await openPage(link.slice(site.url.length));
    await fresh.page.waitForSelector('#findings li.finding');
    const restoredPaths = await fresh.page.$$eval('.tab[data-path] .tab-open', (els) => els.map((e) => (e.parentElement as HTMLElement).dataset.path!));
    expect(restoredPaths).toEqual(paths);
    for (const path of paths) {
      await openTab(fresh.page, path);
      expect(await editorText(fresh.page)).toBe(texts[path]);
    }
    expect(await shownFindings(fresh.page)).toEqual(findings);
    await fresh.context.close();
    noConsoleErrors();
  });

  it('says so when a share link is damaged, and shows the example instead', async () => {
    const { page, context } = await openPage('#space=AAAAnot-a-valid-link');
    await page.waitForSelector('#findings li.finding');
    expect(await page.textContent('#status')).toContain('share link is damaged');
    await context.close();
    noConsoleErrors();
  });

  it('lints every template clean', async () => {
    const { page, context } = await openPage();
    await waitForLint(page, 0); // the first findings, not the loading line
    const templates = await page.$$eval('#template option', (els) => els.map((e) => (e as HTMLOptionElement).value).filter((v) => v && v !== 'example-bad'));
    expect(templates).toEqual(['gradio', 'gradio-zerogpu', 'docker', 'static']);
    for (const template of templates) {
      const count = await lintCount(page);
      await page.selectOption('#template', template);
      await waitForLint(page, count);
      expect(await shownFindings(page), template).toEqual([]);
      expect(await page.$$('.tab[data-path="README.md"]'), template).toHaveLength(1);
    }
    await context.close();
    noConsoleErrors();
  });

  it("opens a rule's documentation from a finding and lists every rule", async () => {
    const { page, context } = await openPage();
    await page.waitForSelector('#findings li.finding');
    const link = page.locator('#findings li[data-rule-id="config-app-file-missing"] a.rule');
    expect(await link.getAttribute('href')).toMatch(/docs\/rules\/config-app-file-missing\.md$/);
    await link.click();
    await page.waitForSelector('#doc-pane:not([hidden])');
    expect(await page.textContent('#doc h2')).toBe('config-app-file-missing');
    expect(await page.textContent('#doc')).toContain('How to fix');
    await page.click('#rules');
    expect(await page.$$eval('#doc .rule-list li', (els) => els.length)).toBeGreaterThan(30);
    await context.close();
    noConsoleErrors();
  });

  it('opens a zip of a Space (with its top folder) from the file picker', async () => {
    const { page, context } = await openPage();
    await waitForLint(page, 0); // the first findings, not the loading line
    const zip = zipSync({
      'my-space/README.md': strToU8('---\ntitle: Zipped\nsdk: gradio\nsdk_version: "6.25.0"\napp_file: app.py\n---\n'),
      'my-space/app.py': strToU8('import gradio as gr\n\ngr.Interface(fn=str, inputs="text", outputs="text")\n'),
      'my-space/logo.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]),
    });
    await page.setInputFiles('#open-files', { name: 'my-space.zip', mimeType: 'application/zip', buffer: Buffer.from(zip) });
    await page.waitForSelector('.tab[data-path="app.py"]');
    expect(await page.$$eval('.tab[data-path]', (els) => els.map((e) => (e as HTMLElement).dataset.path))).toEqual(['README.md', 'app.py', 'logo.png']);
    await page.waitForSelector('#findings li[data-rule-id="gradio-missing-launch"]');
    expect(await shownFindings(page)).toContain('app.py:3:1 warning gradio-missing-launch');
    await context.close();
    noConsoleErrors();
  });

  it('opens a Space folder from the folder picker, leaving out .git and node_modules', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'spacelint-playground-'));
    const files: Record<string, string> = {
      'demo/README.md': '---\ntitle: Folder\nsdk: docker\napp_port: 7860\n---\n',
      'demo/Dockerfile': 'FROM python:3.12\nCMD ["python", "-m", "http.server", "8000"]\n',
      'demo/.git/HEAD': 'ref: refs/heads/main\n',
      'demo/node_modules/x/index.js': 'module.exports = 1;\n',
    };
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    try {
      const { page, context } = await openPage();
      await waitForLint(page, 0); // the first findings, not the loading line
      await page.setInputFiles('#open-folder', join(dir, 'demo'));
      await page.waitForSelector('.tab[data-path="Dockerfile"]');
      expect(await page.$$eval('.tab[data-path]', (els) => els.map((e) => (e as HTMLElement).dataset.path))).toEqual(['README.md', 'Dockerfile']);
      await page.waitForFunction(() => (document.getElementById('status')?.textContent ?? '').startsWith('Opened 2 files'));
      await context.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    noConsoleErrors();
  });

  it('keeps working offline once loaded (service worker), reloads included', async () => {
    const { page, context } = await openPage();
    await page.waitForSelector('#findings li.finding');
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await context.setOffline(true);
    await page.reload();
    await page.waitForSelector('#findings li.finding');
    expect(await shownFindings(page)).toEqual(PINNED);
    await context.close();
    noConsoleErrors();
  });

  describe('loading a public Space from the Hub', () => {
    let fake: FakeHub;
    let cors: Server;
    let hubUrl: string;
    beforeAll(async () => {
      // Two entries per listing page: the browser must follow the Link header, as for a large Space.
      fake = await createFakeHub({ pageSize: 2 });
      fake.seedSpace('demo/broken', {
        'README.md': '---\ntitle: Broken\nsdk: gradio\nsdk_version: "6.25.0"\napp_file: main.py\n---\n',
        'app.py': 'import gradio as gr\n\ngr.Interface(fn=str, inputs="text", outputs="text").launch()\n',
        'weights/model.bin': new Uint8Array(4096),
      });
      // The Hub answers browsers with CORS headers (huggingface.js runs in browsers against it); the fake
      // Hub serves Node clients only, so this pass-through adds them, and changes nothing else.
      const target = new URL(fake.url);
      cors = createServer((req, res) => {
        const upstream = httpRequest({ host: target.hostname, port: target.port, path: req.url, method: req.method, headers: { ...req.headers, host: target.host } }, (answer) => {
          // The Hub's paging links name the Hub itself: here, this pass-through.
          const link = answer.headers.link?.split(fake.url).join(hubUrl);
          res.writeHead(answer.statusCode ?? 502, { ...answer.headers, ...(link ? { link } : {}), 'access-control-allow-origin': '*', 'access-control-expose-headers': 'Link' });
          answer.pipe(res);
        });
        req.pipe(upstream);
      });
      await new Promise<void>((resolve) => cors.listen(0, '127.0.0.1', resolve));
      const address = cors.address();
      hubUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    });
    afterAll(async () => {
      await new Promise<void>((resolve) => cors?.close(() => resolve()));
      await fake?.close();
    });

    it('lists and fetches its files read-only, then lints them', async () => {
      const { page, context } = await openPage(`?hub=${encodeURIComponent(hubUrl)}`);
      await waitForLint(page, 0); // the first findings, not the loading line
      const before = fake.requests.length;
      await page.fill('#hub-id', 'demo/broken');
      const count = await lintCount(page);
      await page.click('#hub-form button');
      await page.waitForSelector('.tab[data-path="weights/model.bin"]');
      await waitForLint(page, count);
      expect(await page.textContent('#status')).toMatch(/^Loaded demo\/broken from http:\/\/127\.0\.0\.1:\d+: 3 files, read-only/);
      expect(await shownFindings(page)).toContain('README.md:5:11 error config-app-file-missing');
      expect(await page.textContent('.tab[data-path="weights/model.bin"]')).toContain('4.0 KB');
      const requests = fake.requests.slice(before);
      expect(requests.every((r) => r.method === 'GET')).toBe(true);
      expect(requests.map((r) => r.path).sort()).toEqual([
        '/api/spaces/demo/broken/tree/main',
        '/api/spaces/demo/broken/tree/main',
        '/spaces/demo/broken/resolve/main/README.md',
        '/spaces/demo/broken/resolve/main/app.py',
      ]);
      await context.close();
      noConsoleErrors();
    });

    it('says clearly when the Space does not exist', async () => {
      const { page, context } = await openPage(`?hub=${encodeURIComponent(hubUrl)}`);
      await waitForLint(page, 0); // the first findings, not the loading line
      await page.fill('#hub-id', 'demo/missing');
      await page.click('#hub-form button');
      await page.waitForSelector('#status.error');
      expect(await page.textContent('#status')).toMatch(/^Space demo\/missing was not found on http:\/\/127\.0\.0\.1:\d+, or it is private/);
      await context.close();
      // The browser itself logs the refused request (the Hub answers 401 for a missing or private repo).
      consoleErrors = consoleErrors.filter((e) => !/status of 40[14]/.test(e));
      noConsoleErrors();
    });

    it('says clearly when the browser cannot reach the Hub, and keeps the files it had', async () => {
      const closed = createServer();
      await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
      const address = closed.address();
      const deadUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
      await new Promise<void>((resolve) => closed.close(() => resolve()));
      const { page, context } = await openPage(`?hub=${encodeURIComponent(deadUrl)}`);
      await page.waitForSelector('#findings li.finding');
      await page.fill('#hub-id', 'demo/broken');
      await page.click('#hub-form button');
      await page.waitForSelector('#status.error');
      expect(await page.textContent('#status')).toBe(
        `Cannot reach the Hub at ${deadUrl} from this browser (offline, blocked by the network, or the server does not allow browser requests). Pasted and dropped files still lint.`,
      );
      expect(await shownFindings(page)).toEqual(PINNED);
      await context.close();
      consoleErrors = consoleErrors.filter((e) => !/ERR_CONNECTION_REFUSED/.test(e));
      noConsoleErrors();
    });

    it('rejects what is not a Space id before sending anything', async () => {
      const { page, context } = await openPage(`?hub=${encodeURIComponent(hubUrl)}`);
      await waitForLint(page, 0); // the first findings, not the loading line
      const before = fake.requests.length;
      await page.fill('#hub-id', 'not a space');
      await page.click('#hub-form button');
      await page.waitForSelector('#status.error');
      expect(await page.textContent('#status')).toContain('is not a Space id');
      expect(fake.requests.length).toBe(before);
      await context.close();
      noConsoleErrors();
    });
  });
});
