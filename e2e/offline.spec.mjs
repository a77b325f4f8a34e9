// Offline use: after a first visit the service worker serves the whole site, a lesson's editor
// included, with the server gone; a new release is picked up on the next load, with a notice.
// Each test runs its own server, on a folder that stands in for the host: stopping it is a real
// network failure, and switching the folder is a real deployment.
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { appMounted, expect, test } from './fixtures.mjs';
import { scenario, scenarioText, typeInto } from './learning.helpers.mjs';

test.use({ serviceWorkers: 'allow' });

const DIST = new URL('../dist', import.meta.url).pathname;
const SERVE = new URL('serve.mjs', import.meta.url).pathname;
const lesson = JSON.parse(
  readFileSync(new URL('../lessons/policy-anatomy/lesson.json', import.meta.url), 'utf8'),
);
const target = lesson.scenarios.find((s) => s.style === 'write') ?? lesson.scenarios[0];

/** Serves `root` on a free port until `stop()`. */
async function startServer(root) {
  const child = spawn(process.execPath, [SERVE, root, '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      const printed = /at (http:\/\/\S+)/.exec(String(chunk));
      if (printed) resolve(printed[1]);
    });
    child.once('exit', (code) => reject(new Error(`e2e/serve.mjs exited with ${code}`)));
  });
  let stopped;
  const stop = () => {
    stopped ??= new Promise((resolve) => {
      child.once('exit', resolve);
      child.kill();
    });
    return stopped;
  };
  return { url, stop };
}

/** Points the symbolic link `link` at `target`, as one step (what a deployment does). */
function pointAt(link, target) {
  symlinkSync(target, `${link}.next`);
  renameSync(`${link}.next`, link);
}

/** A copy of dist/ (links to its files) whose release is `release` instead of the built one. */
function releaseFolder(folder, built, release) {
  mkdirSync(folder, { recursive: true });
  for (const name of readdirSync(DIST)) {
    const from = join(DIST, name);
    if (release && (name === 'index.html' || name === 'sw.js')) {
      writeFileSync(join(folder, name), readFileSync(from, 'utf8').replaceAll(built, release));
    } else {
      symlinkSync(from, join(folder, name));
    }
  }
}

const builtRelease = () => /name="iamplay-release" content="([0-9a-f]{16})"/.exec(readFileSync(join(DIST, 'index.html'), 'utf8'))[1];

/** Waits until the service worker has stored the release and serves this page. */
async function storedForOffline(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

test('after a first visit the site works offline, a lesson with its editor included', async ({ page, context }, testInfo) => {
  const site = testInfo.outputPath('site');
  releaseFolder(site);
  const server = await startServer(site);
  const origins = new Set();
  page.on('request', (request) => origins.add(new URL(request.url()).origin));
  try {
    await page.goto(`${server.url}/`);
    await appMounted(page);
    await storedForOffline(page);
  } finally {
    await server.stop();
  }
  await context.setOffline(true);

  // A page never opened before: the lesson, its scenario's editor and live checks.
  await page.goto(`${server.url}/lessons/${lesson.id}/${target.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(lesson.title);
  const section = await scenario(page, target.id);
  const typed = '{"Version": "2012-10-17", "Statement": []}';
  await typeInto(page, section, typed);
  await expect(section.locator('.checks-summary')).toHaveText(/^\d+ of \d+ checks pass$/);

  // Reloaded, still offline: the draft is back in the editor.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(lesson.title);
  await scenario(page, target.id);
  expect(await scenarioText(page, target.id)).toBe(typed);

  // The playground: its editors and the action catalogue.
  await page.goto(`${server.url}/playground`);
  await expect(page.locator('.policy-card .editor-frame[data-ready="true"]').first()).toBeVisible();
  await expect(page.getByTestId('request-summary')).toContainText('requests');

  // Drills and the builder come from wasm modules of their own, kept like the rest.
  await page.goto(`${server.url}/drill`);
  await expect(page.getByTestId('drill')).toBeVisible();
  await page.goto(`${server.url}/build`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  // Nothing was asked of any other address.
  expect([...origins]).toEqual([server.url]);
});

test('a new release is picked up on the next load, with a short notice', async ({ page }, testInfo) => {
  const built = builtRelease();
  const next = [...built].reverse().join('') === built ? '0123456789abcdef' : [...built].reverse().join('');
  const [first, second, live] = ['first', 'second', 'live'].map((name) => testInfo.outputPath(name));
  releaseFolder(first);
  releaseFolder(second, built, next);
  symlinkSync(first, live);
  const server = await startServer(live);
  try {
    await page.goto(`${server.url}/`);
    await appMounted(page);
    await storedForOffline(page);
    const notice = page.getByTestId('release-notice');
    await expect(notice).toHaveCount(0);

    pointAt(live, second);
    // This load is still the stored release; the browser finds the new one meanwhile.
    await page.reload();
    await appMounted(page);
    await expect(notice).toContainText('A new release of IAM Playground is ready');
    expect(await page.locator('meta[name="iamplay-release"]').getAttribute('content')).toBe(built);

    await page.reload();
    await appMounted(page);
    expect(await page.locator('meta[name="iamplay-release"]').getAttribute('content')).toBe(next);
    await expect(notice).toContainText('IAM Playground was updated to a new release.');
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    await expect(notice).toHaveCount(0);
  } finally {
    await server.stop();
  }
});
