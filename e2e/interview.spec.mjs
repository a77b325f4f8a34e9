// Interview checkpoint: a whole session with the keyboard, then the score by topic.
import { appMounted, expect, test } from './fixtures.mjs';
import { expectAccessible } from './iam-helpers.mjs';

test.use({ bypassCSP: true });

test('an interview session from setup to score, by keyboard', async ({ page }) => {
  await page.goto('/interview');
  await appMounted(page);
  await expect(page.getByText('questions available for these topics')).toHaveText('43 questions available for these topics.');
  await page.getByLabel('Conditions').check();
  await expect(page.getByText('questions available for these topics')).toHaveText('3 questions available for these topics.');
  await page.getByLabel('Questions').fill('3');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Start' }).focus();
  await page.keyboard.press('Enter');

  for (let i = 1; i <= 3; i += 1) {
    await expect(page.getByText(`Question ${i} of 3`)).toBeVisible();
    await expect(page.getByRole('timer')).toHaveText(/^1[45]:\d\d$/);
    // Answer the first option (no feedback is shown while the session runs).
    await page.getByTestId('question').locator('input').first().check();
    // A multiple-choice question's instruction says "Choose every correct answer"; any other
    // mention of correct or wrong would be feedback.
    await expect(page.getByText(/correct|wrong/i).filter({ hasNotText: 'Choose every correct answer' })).toHaveCount(0);
    if (i < 3) {
      await page.getByRole('button', { name: 'Next' }).click();
    }
  }
  await page.getByRole('button', { name: 'Finish' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('score')).toHaveText(/Score: \d of 3 \(\d+%\)/);
  await expect(page.getByRole('cell', { name: 'Conditions' })).toBeVisible();
  const missed = await page.locator('.missed-question').count();
  const correct = Number((await page.getByTestId('score').textContent()).match(/Score: (\d)/)[1]);
  expect(missed + correct).toBe(3);
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('iamplay.progress')).progress.interviews);
  expect(stored.at(-1)).toMatchObject({ correct, total: 3 });
  await expectAccessible(page);
});
