// Playwright runs the end-to-end suite against the release build in dist/, served by
// e2e/serve.mjs, in Debian's Chromium (Playwright never downloads a browser here).
import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 4173);
const scratch = process.env.E2E_SCRATCH ?? new URL('.tmp', import.meta.url).pathname;

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.mjs',
  outputDir: `${scratch}/results`,
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  // `list` prints every test and the closing "N passed" line, in CI too.
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    trace: 'off',
    // A service worker would answer later loads from its store, past `page.route`: only the specs
    // about it (offline, every page) allow it.
    serviceWorkers: 'block',
    launchOptions: {
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      // Quiet on a closed network; Playwright adds --headless and a fresh --user-data-dir.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: `node e2e/serve.mjs dist ${port}`,
    cwd: '..',
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 15_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
