// Browser timing of drill generation (numbers, not pass/fail; goal: under 5 ms a drill). The
// drill page times the engine's generator around each drill it makes and writes the time on
// the card (`data-generated-ms`); this script answers drills by keyboard at each level and
// reads those times.
// Run against the release build:  make build && node e2e/perf/drill-timing.mjs
// (TIMING_PORT, TIMING_RUNS and CHROMIUM override the defaults).
import { spawn } from 'node:child_process';
import { chromium } from '@playwright/test';

const port = Number(process.env.TIMING_PORT ?? 4398);
const runs = Number(process.env.TIMING_RUNS ?? 60);
const base = `http://127.0.0.1:${port}`;

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { runs: sorted.length, median: at(0.5).toFixed(2), p95: at(0.95).toFixed(2), max: sorted.at(-1).toFixed(2) };
}

const server = spawn(process.execPath, ['e2e/serve.mjs', 'dist', String(port)], { stdio: 'ignore' });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  await new Promise((r) => setTimeout(r, 500));
  const page = await browser.newPage();
  await page.goto(`${base}/drill`);
  const drill = page.locator('[data-testid="drill"]');
  await drill.waitFor();
  const results = {};
  for (const level of ['1', '2', '3']) {
    await page.getByLabel('Level').selectOption(level);
    const times = [];
    for (let i = 0; i < runs; i += 1) {
      await drill.waitFor();
      const before = await drill.locator('.drill-story').textContent();
      times.push(Number(await drill.getAttribute('data-generated-ms')));
      await page.keyboard.press('3');
      if (level !== '1') await page.keyboard.press('1');
      await page.locator('[data-testid="drill-feedback"]').waitFor();
      await page.keyboard.press('Enter');
      await page.waitForFunction((b) => document.querySelector('[data-testid="drill"] .drill-story')?.textContent !== b, before);
    }
    results[`level ${level} (ms per drill)`] = stats(times);
  }
  console.table(results);
} finally {
  await browser.close();
  server.kill();
}
