// How the site looks and behaves on every page: controls in the site's style, no console
// warnings, editors that fit their text, and a playground that uses a large screen's width.
import { readFileSync } from 'node:fs';
import { appMounted, expect, test } from './fixtures.mjs';
import { scenario, typeInto } from './learning.helpers.mjs';

const course = JSON.parse(readFileSync(new URL('../lessons/course.json', import.meta.url), 'utf8'));
const lessonFile = (id) =>
  JSON.parse(readFileSync(new URL(`../lessons/${id}/lesson.json`, import.meta.url), 'utf8'));
const PAGES = [
  '/',
  '/lessons',
  ...course.lessons.map((id) => `/lessons/${id}`),
  '/playground',
  '/progress',
  '/interview',
  '/no/such/page',
];

/** Visible controls still in the browser's own look (its font, or square grey buttons). */
function unstyledControls(page) {
  return page.evaluate(() => {
    const site = getComputedStyle(document.body).fontFamily;
    // The monospace stack as the browser computes it (code elements use it).
    const probe = document.body.appendChild(document.createElement('code'));
    const mono = getComputedStyle(probe).fontFamily;
    probe.remove();
    return [...document.querySelectorAll('button, input, select, textarea')]
      .filter((control) => control.getClientRects().length > 0 && !control.closest('.monaco-editor'))
      .flatMap((control) => {
        const style = getComputedStyle(control);
        const name = `${control.tagName.toLowerCase()} "${control.textContent.trim() || control.getAttribute('aria-label') || control.type}"`;
        const faults = [];
        // A checkbox or radio button shows no text of its own.
        const texty = !['checkbox', 'radio'].includes(control.type);
        if (texty && style.fontFamily !== site && style.fontFamily !== mono) faults.push(`font ${style.fontFamily}`);
        if (control.tagName === 'BUTTON' && style.cursor !== 'pointer' && !control.disabled) faults.push('no pointer');
        const boxed = style.borderStyle !== 'none' && !['checkbox', 'radio', 'file'].includes(control.type);
        if (boxed && style.borderRadius === '0px') faults.push('square corners');
        return faults.length ? [`${name}: ${faults.join(', ')}`] : [];
      });
  });
}

test.describe('every page', () => {
  // With the service worker at work, as a visitor has it: it must not log anything either.
  test.use({ serviceWorkers: 'allow' });

  test('shows its controls in the site style and logs no warning or error', async ({ page }) => {
    test.slow();
    for (const path of PAGES) {
      await page.goto(path);
      await appMounted(page);
      await expect(page.locator('.course-loading')).toHaveCount(0);
      expect(await unstyledControls(page), `unstyled controls on ${path}`).toEqual([]);
    }
    // The fixture fails the test on any console warning or error logged on the way.
  });
});

test('a scenario editor fits its text: short for a short starter, growing up to a maximum, then scrolling', async ({ page }) => {
  const lesson = lessonFile('policy-anatomy');
  const short = lesson.scenarios.find((s) => s.id === 'write-two-statements') ?? lesson.scenarios[0];
  await page.goto(`/lessons/${lesson.id}/${short.id}`);
  const section = await scenario(page, short.id);
  const frame = section.locator('.editor-frame');
  const height = async () => (await frame.boundingBox()).height;
  const lines = await page.evaluate(
    (id) => globalThis.monaco.editor.getEditors().find((e) => document.getElementById(id).contains(e.getContainerDomNode())).getModel().getLineCount(),
    short.id,
  );
  expect(lines).toBeLessThan(8);
  const startHeight = await height();
  // At most the minimum height (8rem) or the text and a line to spare.
  expect(startHeight).toBeLessThanOrEqual(Math.max(128, lines * 19 + 40));

  const long = JSON.stringify(
    { Version: '2012-10-17', Statement: Array.from({ length: 12 }, (_, i) => ({ Sid: `S${i}`, Effect: 'Allow', Action: 's3:GetObject', Resource: '*' })) },
    null,
    2,
  );
  await typeInto(page, section, long);
  const maxHeight = await frame.evaluate((el) => parseFloat(getComputedStyle(el).maxHeight));
  await expect.poll(height).toBeCloseTo(maxHeight, 0);
  const scrolls = await page.evaluate((id) => {
    const editor = globalThis.monaco.editor.getEditors().find((e) => document.getElementById(id).contains(e.getContainerDomNode()));
    return editor.getScrollHeight() > editor.getLayoutInfo().height;
  }, short.id);
  expect(scrolls).toBe(true);

  await typeInto(page, section, '{\n  "Version": "2012-10-17",\n  "Statement": []\n}');
  await expect.poll(height).toBeLessThanOrEqual(startHeight);
});

test('at 1280 px the playground shows whole principals, actions and resources', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/playground');
  await appMounted(page);
  const rows = page.locator('.request-table tbody');
  await expect(rows.first()).toBeVisible();
  const cut = await page.evaluate(() =>
    [...document.querySelectorAll('.request-table input')]
      .filter((input) => /^(Principal|Action|Resource) of request/.test(input.getAttribute('aria-label')))
      .filter((input) => input.scrollWidth > input.clientWidth)
      .map((input) => `${input.getAttribute('aria-label')}: ${input.value}`),
  );
  expect(cut).toEqual([]);
  // No sideways scrolling for it either.
  const table = page.locator('.requests .table-scroll');
  expect(await table.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
});
