import { readFileSync } from 'node:fs';
import { appMounted, expect, test } from './fixtures.mjs';

// Lesson content changes as the course grows: read what the page should show from the files.
const lesson = JSON.parse(
  readFileSync(new URL('../lessons/what-iam-answers/lesson.json', import.meta.url), 'utf8'),
);

test('the home page does not load the editor', async ({ page }) => {
  const monacoRequests = [];
  page.on('request', (request) => {
    if (/\/vs-[0-9a-f]{16}\//.test(request.url())) monacoRequests.push(request.url());
  });
  await page.goto('/');
  await appMounted(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Learn AWS IAM by writing real policies');
  await expect(page).toHaveTitle('Learn AWS IAM by writing policies · IAM Playground');
  await page.waitForLoadState('networkidle');
  expect(monacoRequests).toEqual([]);
});

test('a deep link to a lesson survives a reload', async ({ page }) => {
  await page.goto(`/lessons/${lesson.id}`);
  const title = page.getByRole('heading', { level: 1 });
  await expect(title).toHaveText(lesson.title);
  await expect(page).toHaveTitle(`${lesson.title} · IAM Playground`);
  await expect(page.locator('.lesson .lead')).toHaveText(lesson.summary);
  await expect(page.locator('.objectives li')).toHaveText(lesson.objectives);
  // The prose is rendered as markup, without repeating the title as a heading.
  await expect(page.locator('.prose > *').first()).toBeVisible();
  await expect(page.locator('.prose :is(h1, h2)', { hasText: new RegExp(`^${lesson.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) })).toHaveCount(0);
  await page.reload();
  await expect(title).toHaveText(lesson.title);
  await expect(page.locator('.objectives li')).toHaveText(lesson.objectives);
});

test('unknown pages and lessons say so', async ({ page }) => {
  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await expect(page.locator('.not-found code')).toHaveText('/no/such/page');
  await expect(page).toHaveTitle('Page not found · IAM Playground');

  await page.goto('/lessons/no-such-lesson');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lesson not found');
  await page.getByRole('link', { name: 'See all lessons' }).click();
  await expect(page).toHaveURL(/\/lessons$/);
});

test('the site can be used with the keyboard alone', async ({ page }) => {
  await page.goto('/');
  await appMounted(page);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();

  // Brand, then "Lessons".
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Lessons', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/lessons$/);
  await expect(page.getByRole('link', { name: 'Lessons', exact: true })).toHaveAttribute('aria-current', 'page');

  const firstLesson = page.locator('.lesson-list a').first();
  for (let i = 0; i < 10 && !(await firstLesson.evaluate((a) => a === document.activeElement)); i += 1) {
    await page.keyboard.press('Tab');
  }
  await expect(firstLesson).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/lessons\/[a-z0-9-]+$/);
  await expect(page.locator('.objectives')).toBeVisible();
});

test('the layout fits a 360 px wide screen', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  for (const path of ['/', '/lessons', `/lessons/${lesson.id}`, '/playground']) {
    await page.goto(path);
    await appMounted(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `horizontal overflow on ${path}`).toBeLessThanOrEqual(0);
  }
});

test('the skip link moves the keyboard past the header', async ({ page }) => {
  await page.goto('/lessons');
  await appMounted(page);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/lessons(#main)?$/);
  await expect(page.locator('main')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.locator('.lesson-list a').first()).toBeFocused();
});
