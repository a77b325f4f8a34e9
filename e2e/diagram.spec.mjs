// Diagrams in lessons, the live access map beside a scenario's editor, and glossary terms.
import { readFileSync } from 'node:fs';
import { test, expect, appMounted } from './fixtures.mjs';
import { scenario, typeInto, seriousViolations } from './learning.helpers.mjs';

const lessonFile = (id) => JSON.parse(readFileSync(`lessons/${id}/lesson.json`, 'utf8'));
const diagramBlocks = (id) => (readFileSync(`lessons/${id}/lesson.md`, 'utf8').match(/^```diagram$/gm) || []).length;

for (const lesson of ['roles-and-sessions', 'data-engineering-patterns', 'guardrails-and-auditing']) {
  test(`${lesson}: every diagram is an image with a title and its relationships in words, and axe passes`, async ({ page }) => {
    await page.goto(`/lessons/${lesson}`);
    await appMounted(page);
    const figures = page.locator('.prose figure.diagram');
    await expect(figures).toHaveCount(diagramBlocks(lesson));
    for (const figure of await figures.all()) {
      const svg = figure.locator('svg[role="img"]');
      await expect(svg).toBeVisible();
      const title = (await svg.locator('title').textContent()).trim();
      expect(title.length).toBeGreaterThan(10);
      await expect(figure.locator('.diagram-title')).toHaveText(title);
      const sentences = await figure.locator('.diagram-words li').count();
      if (await svg.locator('g.dg-set').count()) {
        // Two overlapping sets: every item is drawn and has its sentence, after the sets'.
        await expect(svg.locator('g.dg-set')).toHaveCount(2);
        const items = await svg.locator('g.dg-item').count();
        expect(items).toBeGreaterThan(1);
        expect(sentences).toBeGreaterThanOrEqual(items + 1);
      } else {
        // Every node and edge is drawn, and every edge has its sentence.
        const edges = await svg.locator('g.dg-edge').count();
        expect(await svg.locator('g.dg-node').count()).toBeGreaterThan(1);
        expect(sentences).toBeGreaterThanOrEqual(edges);
      }
      // Lesson text stays text: no element the renderer does not make.
      const names = await svg.evaluate((el) => [...el.querySelectorAll('*')].map((e) => e.localName));
      expect(names.filter((n) => !['title', 'desc', 'defs', 'marker', 'path', 'g', 'rect', 'text', 'tspan'].includes(n))).toEqual([]);
    }
    expect(await seriousViolations(page)).toEqual([]);
  });
}

test('a diagram stays legible on a 360 px screen: it scrolls inside its frame, the page does not', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/lessons/resource-policies-cross-account');
  await appMounted(page);
  const svg = page.locator('.prose figure.diagram svg').first();
  await expect(svg).toBeVisible();
  const { drawn, natural } = await svg.evaluate((el) => ({
    drawn: el.getBoundingClientRect().width,
    natural: Number(el.getAttribute('width')),
  }));
  expect(drawn).toBeGreaterThanOrEqual(Math.min(natural, 0.7 * natural) - 1);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});

test('the boundary as overlapping sets reads on a 360 px screen, in words too, and axe passes', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/lessons/guardrails-and-auditing');
  await appMounted(page);
  const figure = page.locator('.prose figure.diagram', { has: page.locator('g.dg-set') });
  await expect(figure).toHaveCount(1);
  const svg = figure.locator('svg[role="img"]');
  await figure.scrollIntoViewIfNeeded();
  await expect(svg).toBeVisible();
  // Each action sits in its region; the overlap is the only region whose heading says allowed.
  const region = (name) => svg.locator(`g.dg-region[data-region="${name}"]`);
  await expect(region('1 2').locator('.dg-item-label')).toHaveText(['s3:GetObject', 's3:PutObject']);
  await expect(region('1').locator('.dg-item-label')).toContainText(['iam:CreateUser']);
  await expect(region('2').locator('.dg-item-label')).toHaveText(['glue:StartJobRun']);
  await expect(region('outside').locator('.dg-item-label')).toHaveText(['ec2:RunInstances']);
  await expect(region('1 2').locator('.dg-region-label')).toContainText('Allowed');
  // The words say where every action is.
  await figure.locator('.diagram-words summary').click();
  const words = figure.locator('.diagram-words li');
  await expect(words.filter({ hasText: /^iam:CreateUser is only in Identity policy/ })).toHaveCount(1);
  await expect(words.filter({ hasText: /^s3:GetObject is in both .*: Allowed/ })).toHaveCount(1);
  // Readable without shrinking much, and the page itself does not scroll sideways.
  const { drawn, natural } = await svg.evaluate((el) => ({
    drawn: el.getBoundingClientRect().width,
    natural: Number(el.getAttribute('width')),
  }));
  expect(drawn).toBeGreaterThanOrEqual(0.7 * natural - 1);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  // The whole page at 360 px (its tables scroll sideways and take keyboard focus), then the
  // figure in the dark scheme too.
  expect(await seriousViolations(page)).toEqual([]);
  const sets = 'figure.diagram:has(g.dg-set)';
  expect(await seriousViolations(page, sets)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await seriousViolations(page, sets)).toEqual([]);
});

test('the access map flips a request from denied to allowed when the learner fixes the policy', async ({ page }) => {
  const lesson = 'resource-policies-cross-account';
  const id = 'lake-bucket-policy';
  const data = lessonFile(lesson).scenarios.find((s) => s.id === id);
  await page.goto(`/lessons/${lesson}/${id}`);
  const section = await scenario(page, id);
  const map = section.locator('.access-map');
  const request = map.locator('li[data-check="analyst-reads-curated"]');
  const edge = map.locator(`svg g[data-edge="${await request.getAttribute('data-edge')}"]`);
  await expect(edge).toHaveClass(/dg-denied/);
  await expect(edge.locator('text')).toContainText('✗ denied by');
  await expect(request).toContainText('denied by');
  // A learner reading the map in words keeps it open while the verdicts change.
  const words = map.locator('details.diagram-words');
  await words.locator('summary').click();
  await expect(words).toHaveAttribute('open', '');

  // On one line: typed line by line, Monaco would indent each new line itself.
  await typeInto(page, section, JSON.stringify(data.answer));
  await expect(edge).toHaveClass(/dg-allowed/);
  await expect(edge.locator('text')).toContainText('✓ allowed');
  await expect(request).toContainText('✓ allowed');
  await expect(words).toHaveAttribute('open', '');
  await expect(words.locator('li').filter({ hasText: '✓ allowed' }).first()).toBeVisible();

  // Choosing the edge from the keyboard opens that check's explanation.
  await request.locator('button').focus();
  await page.keyboard.press('Enter');
  await expect(request.locator('button')).toHaveAttribute('aria-pressed', 'true');
  await expect(section.locator('li.check[data-check="analyst-reads-curated"] .explanation')).toBeVisible();
  // And with the mouse, on the drawing.
  const other = map.locator('li[data-check="analyst-cannot-write"]');
  await map.locator(`svg g[data-edge="${await other.getAttribute('data-edge')}"] text`).click();
  await expect(section.locator('li.check[data-check="analyst-cannot-write"] .explanation')).toBeVisible();
});

test('a glossary term shows its definition on keyboard focus, Escape hides it, and it links to the glossary', async ({ page }) => {
  await page.goto('/lessons/trust-vs-permissions');
  await appMounted(page);
  const first = page.locator('.prose .term-link').first();
  await expect(first).toBeVisible();
  // Tab through the page until the focus reaches the first term.
  let focused = false;
  for (let i = 0; i < 80 && !focused; i++) {
    await page.keyboard.press('Tab');
    focused = await first.evaluate((el) => el === document.activeElement);
  }
  expect(focused, 'the term is reachable with Tab').toBe(true);
  const tip = page.locator(`[role="tooltip"]#${await first.getAttribute('aria-describedby')}`);
  await expect(tip).toBeVisible();
  await expect(tip).toContainText(/\w+: .+\./);
  await page.keyboard.press('Escape');
  await expect(tip).toBeHidden();
  const href = await first.getAttribute('href');
  expect(href).toMatch(/^\/glossary#[a-z-]+$/);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`${href}$`));
  await expect(page.locator(`.glossary-entry[id="${href.split('#')[1]}"]`)).toBeVisible();
});

test('the glossary lists every term with the lesson that teaches it, and axe passes', async ({ page }) => {
  const terms = JSON.parse(readFileSync('lessons/glossary.json', 'utf8')).terms;
  await page.goto('/glossary');
  await appMounted(page);
  await expect(page.locator('.glossary-entry')).toHaveCount(terms.length);
  expect(terms.length).toBeGreaterThanOrEqual(40);
  const entry = page.locator('.glossary-entry[id="trust-policy"]');
  await expect(entry.locator('dt')).toHaveText('trust policy');
  await expect(entry.locator('.glossary-lesson a')).toHaveAttribute('href', '/lessons/trust-vs-permissions');
  expect(await seriousViolations(page)).toEqual([]);
});
