// Lesson pages build each scenario's Monaco editor only when the learner heads for it: near
// the viewport, focused by keyboard, or named by a deep link. Until then the text is shown as
// it is, read-only, in the same box, and the checks already speak about it.
import { appMounted, expect, test } from './fixtures.mjs';
import { scenario, scenarioText, seriousViolations, typeInto } from './learning.helpers.mjs';

// The longest lesson: nine scenarios, most of them far below the first screen.
const LESSON = '/lessons/data-engineering-patterns';

const editorCount = (page) => page.evaluate(() => globalThis.monaco?.editor.getEditors().length ?? 0);

async function lastScenario(page) {
  const sections = page.locator('section.scenario');
  await expect(sections).toHaveCount(9);
  return sections.last();
}

test('far scenarios show their text and checks without an editor, which comes on scrolling', async ({ page }) => {
  await page.goto(LESSON);
  await appMounted(page);
  const last = await lastScenario(page);
  const frame = last.locator('.editor-frame');
  await expect(frame).toHaveAttribute('data-state', 'waiting');
  await expect(last.locator('.editor-preview')).toContainText('"Statement"');
  await expect(last.locator('.checks-summary')).toBeVisible();
  expect(await editorCount(page)).toBeLessThan(9);

  const box = await frame.boundingBox();
  const previewText = await last.locator('.editor-preview').textContent();
  await frame.scrollIntoViewIfNeeded();
  await expect(frame).toHaveAttribute('data-ready', 'true');
  await expect(last.locator('.editor-preview')).toHaveCount(0);
  // The editor takes the preview's place: same box, same text.
  const after = await frame.boundingBox();
  expect(after.height).toBe(box.height);
  expect(after.width).toBe(box.width);
  const id = await last.getAttribute('id');
  expect(await scenarioText(page, id)).toBe(previewText);
});

test('a saved draft is checked before its editor exists', async ({ page }) => {
  await page.goto(LESSON);
  // The last scenario that takes a policy (the very last one is a prediction).
  const id = 'lambda-rds-iam-auth';
  const last = await scenario(page, id);
  const draft = '{"Version": "2012-10-17" "Statement": []}';
  await typeInto(page, last, draft);
  await expect(last.locator('.checks-summary')).toContainText('The checks run once the policy is valid');

  await page.reload();
  await lastScenario(page);
  const again = page.locator(`section.scenario[id="${id}"]`);
  await expect(again.locator('.editor-frame')).toHaveAttribute('data-state', 'waiting');
  await expect(again.locator('.editor-preview')).toHaveText(draft);
  await expect(again.locator('.checks-summary')).toContainText('The checks run once the policy is valid');
});

test('keyboard focus on a waiting preview builds the editor and hands it the focus', async ({ page }) => {
  await page.goto(LESSON);
  const last = await lastScenario(page);
  await expect(last.locator('.editor-frame')).toHaveAttribute('data-state', 'waiting');
  const preview = last.locator('.editor-preview');
  await expect(preview).toHaveAttribute('role', 'textbox');
  // Focus without scrolling first, as a screen reader's jump does.
  await preview.evaluate((element) => element.focus({ preventScroll: true }));
  await expect(last.locator('.editor-frame')).toHaveAttribute('data-ready', 'true');
  await expect.poll(() => page.evaluate(() => document.activeElement?.closest('.monaco-editor') !== null)).toBe(true);
});

test('a deep link builds its scenario editor at once, however far down', async ({ page }) => {
  await page.goto(LESSON);
  const last = await lastScenario(page);
  const id = await last.getAttribute('id');
  await page.goto(`${LESSON}/${id}`);
  await expect(page.locator(`section.scenario[id="${id}"] .editor-frame`)).toHaveAttribute('data-ready', 'true');
});

test('leaving the page while editors load reports no error', async ({ page }) => {
  const last = await (async () => {
    await page.goto(LESSON);
    return lastScenario(page);
  })();
  const id = await last.getAttribute('id');
  // Monaco is slow to arrive; the learner is faster. Monaco's request is held until the
  // learner has left the page, so the race goes the same way on every run.
  let release;
  const left = new Promise((resolve) => {
    release = resolve;
  });
  await page.route('**/vs-*/editor/editor.main.js', async (route) => {
    await left;
    await route.continue();
  });
  await page.goto(`${LESSON}/${id}`);
  await expect(page.locator(`section.scenario[id="${id}"] .editor-frame`)).toHaveAttribute('data-state', 'loading');
  await page.getByRole('link', { name: 'Lessons', exact: true }).first().click();
  await expect(page.locator('.lesson-list')).toBeVisible();
  release();
  // Once the held-back Monaco has arrived and the app's pending work has had two frames to
  // run, no editor may have been built for the page that is gone.
  await page.waitForFunction(() => globalThis.monaco?.editor !== undefined, null, { timeout: 10_000 });
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  expect(await editorCount(page)).toBe(0);
});

test('axe finds no serious or critical violation beside built and waiting editors', async ({ page }) => {
  await page.goto(LESSON);
  const first = await scenario(page, 'csv-to-parquet-lambda');
  await expect(first.locator('.editor-frame')).toHaveAttribute('data-ready', 'true');
  await expect((await lastScenario(page)).locator('.editor-preview')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
