// Loading the longest lesson page in Chromium, outside `make test` (numbers, not pass/fail):
// first contentful paint, time until the page is interactive (every scenario shows its checks
// and every editor the page decided to build is ready), blocking time, Monaco editors built,
// and the JS heap once settled (after a forced garbage collection).
// Run against the release build:  make build && node e2e/perf/lesson-load.mjs [dist] [runs]
// (LESSON, LOAD_PORT and CHROMIUM override the defaults).
import { spawn } from 'node:child_process';
import { chromium } from '@playwright/test';

const dist = process.argv[2] ?? 'dist';
const runs = Number(process.argv[3] ?? 5);
const port = Number(process.env.LOAD_PORT ?? 4398);
const lesson = process.env.LESSON ?? 'data-engineering-patterns';
const url = `http://127.0.0.1:${port}/lessons/${lesson}`;

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

// Settled: every scenario has its check summary, and no editor is still loading (a frame is
// either ready or, when lazy, waiting with its text shown).
function settled() {
  const sections = [...document.querySelectorAll('section.scenario')];
  if (sections.length === 0) return false;
  const done = sections.every(
    (s) =>
      s.querySelector('.checks-summary') &&
      [...s.querySelectorAll('.editor-frame')].every((f) => f.dataset.ready === 'true' || f.dataset.state === 'waiting'),
  );
  return done && performance.now();
}

/** The JS heap in MB and the DOM node count, after a forced garbage collection. */
async function memory(client) {
  await client.send('HeapProfiler.collectGarbage');
  const { metrics } = await client.send('Performance.getMetrics');
  const metric = (name) => metrics.find((m) => m.name === name).value;
  return [metric('JSHeapUsedSize') / 2 ** 20, metric('Nodes')];
}

async function once(browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    globalThis.__longTasks = [];
    new PerformanceObserver((list) => globalThis.__longTasks.push(...list.getEntries().map((e) => [e.startTime, e.duration]))).observe({
      type: 'longtask',
      buffered: true,
    });
  });
  const client = await context.newCDPSession(page);
  await client.send('Performance.enable');
  await page.goto(url);
  const interactive = await page.waitForFunction(settled, null, { polling: 'raf', timeout: 60_000 });
  const result = {
    interactiveMs: await interactive.jsonValue(),
    fcpMs: await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime),
  };
  await page.waitForTimeout(1500);
  Object.assign(
    result,
    await page.evaluate((until) => ({
      blockingMs: globalThis.__longTasks.filter(([start]) => start <= until).reduce((sum, [, d]) => sum + Math.max(0, d - 50), 0),
      editors: globalThis.monaco?.editor.getEditors().length ?? 0,
      scenarios: document.querySelectorAll('section.scenario').length,
    }), result.interactiveMs),
  );
  [result.heapMb, result.domNodes] = await memory(client);
  // The learner reads to the end: every editor exists now, lazily or not.
  for (const section of await page.locator('section.scenario').all()) {
    await section.scrollIntoViewIfNeeded();
    await section.locator('.editor-frame[data-ready="true"]').waitFor({ timeout: 60_000 });
  }
  await page.waitForTimeout(500);
  [result.heapAllMb, result.domNodesAll] = await memory(client);
  await context.close();
  return result;
}

const server = spawn(process.execPath, ['e2e/serve.mjs', dist, String(port)], { stdio: 'ignore' });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  await new Promise((r) => setTimeout(r, 500));
  const all = [];
  for (let i = 0; i < runs; i += 1) all.push(await once(browser));
  const pick = (k, digits = 0) => Number(Number(median(all.map((r) => r[k]))).toFixed(digits));
  console.log(
    JSON.stringify(
      {
        dist,
        lesson,
        runs,
        'first contentful paint (ms, median)': pick('fcpMs'),
        'interactive: checks shown, built editors ready (ms, median)': pick('interactiveMs'),
        'blocking time until interactive (ms, median)': pick('blockingMs'),
        'Monaco editors built at load': pick('editors'),
        scenarios: pick('scenarios'),
        'JS heap after load, after GC (MB, median)': pick('heapMb', 1),
        'DOM nodes after load (median)': pick('domNodes'),
        'JS heap with every scenario visited (MB, median)': pick('heapAllMb', 1),
        'DOM nodes with every scenario visited (median)': pick('domNodesAll'),
        each: all,
      },
      null,
      2,
    ),
  );
} finally {
  await browser.close();
  server.kill();
}
