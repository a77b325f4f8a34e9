// Drills: answered with the keyboard, mastery kept across a reload, a missed drill in the review.
import { appMounted, expect, test } from './fixtures.mjs';
import { expectAccessible } from './iam-helpers.mjs';

test.use({ bypassCSP: true });

/** Total drills answered, as the mastery table shows them ("2 of 3" per topic). */
async function answered(page) {
  const cells = await page.getByTestId('mastery').locator('tbody td:nth-child(2)').allTextContents();
  return cells.reduce((sum, text) => sum + Number(text.match(/of (\d+)/)[1]), 0);
}

test('ten drills by keyboard, mastery kept after a reload, a missed drill comes back', async ({ page }) => {
  await page.goto('/drill');
  await appMounted(page);
  await expect(page.getByRole('link', { name: 'Drills' })).toHaveAttribute('aria-current', 'page');
  expect(await answered(page)).toBe(0);
  await expectAccessible(page);

  let wrong = 0;
  for (let i = 1; i <= 10; i += 1) {
    const drill = page.getByTestId('drill');
    await expect(drill).toBeVisible();
    await expect(page.getByTestId('drill-feedback')).toHaveCount(0);
    const story = await drill.locator('.drill-story').textContent();
    // Always "Allowed": some drills are denied, so some answers are wrong.
    await page.keyboard.press('1');
    const feedback = page.getByTestId('drill-feedback');
    await expect(feedback).toBeVisible();
    await expect(feedback).toContainText(/The answer is (Allowed|Explicit deny|Implicit deny)\./);
    if (await feedback.evaluate((el) => el.classList.contains('wrong'))) wrong += 1;
    if (i === 1) await expectAccessible(page);
    await page.keyboard.press('Enter');
    await expect(drill.locator('.drill-story')).not.toHaveText(story);
  }
  expect(wrong).toBeGreaterThan(0);
  expect(await answered(page)).toBe(10);
  const mastery = await page.getByTestId('mastery').locator('tbody').textContent();
  const streak = await page.getByTestId('streak').textContent();

  await page.reload();
  await appMounted(page);
  await expect(page.getByTestId('mastery').locator('tbody')).toHaveText(mastery);
  await expect(page.getByTestId('streak')).toHaveText(streak);

  // The missed drills are due today: the home page says so and opens the review. Going there
  // by an in-app link leaves the drills' module, and the main app must read what it saved.
  await page.locator('header a[href="/"]').first().click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByTestId('home-due')).toContainText(`${wrong} item${wrong === 1 ? ' is' : 's are'} due for review today.`);
  await page.getByRole('link', { name: 'Start the review' }).click();
  await expect(page).toHaveURL(/\/review$/);
  await expect(page.getByTestId('due-count')).toHaveText(`${wrong} item${wrong === 1 ? ' is' : 's are'} due for review today.`);
  await expect(page.getByTestId('drill')).toBeVisible();
  await page.keyboard.press('2');
  await expect(page.getByTestId('drill-feedback')).toBeVisible();
  await expectAccessible(page);

  // The progress page charts mastery, with the numbers as text.
  await page.goto('/progress');
  await appMounted(page);
  await expect(page.getByTestId('mastery-chart')).toBeVisible();
  expect(await answered(page)).toBe(11);
});

test('at level 3 a drill also asks which statement decides or which layer stops it', async ({ page }) => {
  await page.goto('/drill');
  await appMounted(page);
  await page.getByLabel('Level').selectOption('3');
  const follow = page.getByTestId('drill-follow');
  await expect(follow).toBeVisible();
  // A disabled fieldset disables its buttons until the decision is given.
  await expect(follow.getByRole('button').first()).toBeDisabled();
  await page.keyboard.press('3');
  await expect(follow.getByRole('button').first()).toBeEnabled();
  await expect(page.getByTestId('drill-feedback')).toHaveCount(0);
  await expect(follow.locator('legend')).toHaveText(/Which statement decides\?|Which layer stops the request\?/);
  await page.keyboard.press('1');
  await expect(page.getByTestId('drill-feedback')).toBeVisible();
  // The evaluator's deciding statements are highlighted, or the blocking layer is named.
  const marks = await page.locator('mark.deciding').count();
  const stopped = await page.getByTestId('drill-feedback').getByText(/^Stopped by /).count();
  expect(marks + stopped).toBeGreaterThan(0);
  await expect(follow.locator('.drill-option.right')).not.toHaveCount(0);
});
