// Takes screenshots of the built app (dist/) in Debian's Chromium, for the README and for
// looking at the layout: node scripts/screenshot.mjs [out-dir]
// Writes home, lesson and playground in light and dark, at desktop and 360 px widths.
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
    ['playground', '/playground'],
  ];
  for (const colorScheme of ['light', 'dark']) {
    for (const [width, height, suffix] of [[1280, 800, ''], [360, 740, '-mobile']]) {
      const page = await browser.newPage({ viewport: { width, height }, colorScheme, deviceScaleFactor: 1 });
      for (const [name, path] of shots) {
        await page.goto(base + path);
        await page.locator('header.site-header').waitFor();
        if (name === 'playground') {
          await page.locator('.monaco-editor .view-lines').waitFor();
          // Break the policy so the squiggle and the status show.
          await page.locator('.monaco-editor .view-lines').click();
          await page.keyboard.press('ControlOrMeta+End');
          await page.keyboard.press('ArrowUp');
          await page.keyboard.press('ArrowUp');
          await page.keyboard.press('End');
          await page.keyboard.type(',');
          await page.locator('.monaco-editor .squiggly-error').waitFor();
          await page.waitForTimeout(300);
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
