import { appMounted, editorText, expect, rustMarkers, test } from './fixtures.mjs';

const MARKER_ERROR = 8; // monaco.MarkerSeverity.Error

test('the page paints before Monaco loads, then the editor appears', async ({ page }) => {
  let releaseLoader;
  const loaderHeld = new Promise((resolve) => {
    releaseLoader = resolve;
  });
  await page.route('**/vs/loader.js', async (route) => {
    await loaderHeld;
    await route.continue();
  });
  await page.goto('/playground');
  await expect(page.getByRole('heading', { level: 1, name: 'Playground' })).toBeVisible();
  await expect(page.getByText('Loading the editor…')).toBeVisible();
  expect(await page.evaluate(() => typeof globalThis.monaco)).toBe('undefined');
  releaseLoader();
  await expect(page.locator('.monaco-editor .view-lines')).toBeVisible();
  await expect(page.getByText('Loading the editor…')).toHaveCount(0);
  await expect(page.locator('.parse-status')).toHaveText('Valid JSON');
});

test('typing in Monaco reaches Rust: count, parse status and markers follow', async ({ page }) => {
  await page.goto('/playground');
  await appMounted(page);
  const status = page.locator('.parse-status');
  const count = page.locator('.char-count');
  const lines = page.locator('.monaco-editor .view-lines');
  await expect(lines).toBeVisible();
  await expect(status).toHaveText('Valid JSON');
  const starter = await editorText(page);
  await expect(count).toHaveText(`${starter.length} characters`);

  await lines.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Backspace');
  await expect(status).toHaveText('Empty: start typing a policy');
  await expect(count).toHaveText('0 characters');

  // Monaco closes brackets itself and types over them, as for a person.
  await page.keyboard.type('[1,]');
  expect(await editorText(page)).toBe('[1,]');
  await expect(status).toHaveText('Line 1, column 4: trailing comma');
  await expect(status).toHaveAttribute('data-state', 'invalid');
  await expect(count).toHaveText('4 characters');
  await expect.poll(() => rustMarkers(page)).toEqual([
    { startLineNumber: 1, startColumn: 4, endColumn: 5, message: 'trailing comma', severity: MARKER_ERROR },
  ]);
  await expect(page.locator('.monaco-editor .squiggly-error')).toHaveCount(1);

  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Backspace');
  expect(await editorText(page)).toBe('[1]');
  await expect(status).toHaveText('Valid JSON');
  await expect(count).toHaveText('3 characters');
  await expect.poll(() => rustMarkers(page)).toEqual([]);
  await expect(page.locator('.monaco-editor .squiggly-error')).toHaveCount(0);
});

test('a broken policy over several lines is marked where it breaks', async ({ page }) => {
  await page.goto('/playground');
  const lines = page.locator('.monaco-editor .view-lines');
  await expect(lines).toBeVisible();
  await lines.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Backspace');
  // Enter inside Monaco's auto-closed braces indents; the JSON stays the same.
  await page.keyboard.type('{"Version": "2012-10-17"');
  await page.keyboard.press('Enter');
  await page.keyboard.type('"Statement": []');
  await expect.poll(() => editorText(page)).toContain('"Statement": []');
  // The missing comma is noticed at the quote that opens the second key.
  const secondLine = (await editorText(page)).split('\n')[1];
  const column = secondLine.indexOf('"') + 1;
  await expect(page.locator('.parse-status')).toHaveText(`Line 2, column ${column}: expected \`,\` or \`}\``);
  await expect.poll(async () => (await rustMarkers(page)).map((m) => [m.startLineNumber, m.startColumn])).toEqual([[2, column]]);
});

test('leaving the playground disposes the editor, and coming back makes a new one', async ({ page }) => {
  await page.goto('/playground');
  await expect(page.locator('.monaco-editor .view-lines')).toBeVisible();
  await page.getByRole('link', { name: 'Lessons', exact: true }).click();
  await expect(page).toHaveURL(/\/lessons$/);
  expect(await page.evaluate(() => globalThis.monaco.editor.getEditors().length)).toBe(0);
  expect(await page.evaluate(() => globalThis.monaco.editor.getModels().length)).toBe(0);
  await page.goBack();
  await expect(page.locator('.monaco-editor .view-lines')).toBeVisible();
  await expect(page.locator('.parse-status')).toHaveText('Valid JSON');
  expect(await page.evaluate(() => globalThis.monaco.editor.getEditors().length)).toBe(1);
});
