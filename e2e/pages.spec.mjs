import { appMounted, expect, test } from './fixtures.mjs';

test('the home page does not load the editor', async ({ page }) => {
  const monacoRequests = [];
  page.on('request', (request) => {
    if (request.url().includes('/vs/')) monacoRequests.push(request.url());
  });
  await page.goto('/');
  await appMounted(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Learn AWS IAM by writing real policies');
  await expect(page).toHaveTitle('Learn AWS IAM by writing policies · IAM Playground');
  await page.waitForLoadState('networkidle');
  expect(monacoRequests).toEqual([]);
});

test('a deep link to a lesson survives a reload', async ({ page }) => {
  await page.goto('/lessons/what-iam-answers');
  const title = page.getByRole('heading', { level: 1 });
  await expect(title).toHaveText('What IAM answers');
  await expect(page).toHaveTitle('What IAM answers · IAM Playground');
  await expect(page.locator('.objectives li')).toHaveCount(4);
  // The Markdown table is real table markup; the duplicate "# What IAM answers" is dropped.
  await expect(page.locator('.prose table th').nth(1)).toHaveText('Authentication');
  await expect(page.locator('.prose h1, .prose h2', { hasText: 'What IAM answers' })).toHaveCount(0);
  // Leaving while the scenario editors load would abort Monaco's requests.
  await expect(page.locator('.editor-frame[data-ready="true"]').first()).toBeVisible();
  await page.reload();
  await expect(title).toHaveText('What IAM answers');
  await expect(page.locator('.prose table').first()).toBeVisible();
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
  for (const path of ['/', '/lessons', '/lessons/what-iam-answers', '/playground']) {
    await page.goto(path);
    await appMounted(page);
    if (path.startsWith('/lessons/')) await expect(page.locator('.editor-frame[data-ready="true"]').first()).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `horizontal overflow on ${path}`).toBeLessThanOrEqual(0);
  }
});
