// Takes screenshots of the built app (dist/) in Debian's Chromium, for the README and for
// looking at the layout: node scripts/screenshot.mjs [out-dir]
// Writes home, a lesson, a scenario, the playground and the interview page in light and dark,
// at desktop and 360 px widths.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { chromium } from '@playwright/test';

const out = process.argv[2] ?? 'e2e/.tmp/shots';
const port = 4199;
mkdirSync(out, { recursive: true });

const server = spawn(process.execPath, ['e2e/serve.mjs', 'dist', String(port)], { stdio: 'ignore' });
const base = `http://127.0.0.1:${port}`;
try {
  for (let tries = 0; ; tries += 1) {
    try {
      await fetch(base);
      break;
    } catch (err) {
      if (tries > 50) throw err;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const shots = [
    ['home', '/'],
    ['lesson', '/lessons/what-iam-answers'],
    ['scenario', '/lessons/trust-vs-permissions/fix-lambda-trust'],
    ['playground', '/playground'],
    ['interview', '/interview'],
  ];
  for (const colorScheme of ['light', 'dark']) {
    for (const [width, height, suffix] of [[1280, 800, ''], [360, 740, '-mobile']]) {
      const page = await browser.newPage({ viewport: { width, height }, colorScheme, deviceScaleFactor: 1 });
      for (const [name, path] of shots) {
        await page.goto(base + path);
        await page.locator('header.site-header').waitFor();
        if (name === 'scenario' || name === 'playground') {
          // Wait for the editor and the live results, then let the fonts and layout settle.
          await page.locator('.monaco-editor .view-lines').first().waitFor();
          const results = name === 'scenario' ? '.check-list li' : 'table';
          await page.locator(results).first().waitFor();
          await page.waitForTimeout(500);
        }
        await page.screenshot({ path: `${out}/${name}-${colorScheme}${suffix}.png` });
      }
      await page.close();
    }
  }
  await browser.close();
} finally {
  server.kill();
}
