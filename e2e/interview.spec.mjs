// Interview checkpoint: a whole session with the keyboard, then the score by topic; a policy
// written in Monaco, graded by the engine and shown next to the model answer; predictions.
import { appMounted, expect, test } from './fixtures.mjs';
import { expectAccessible } from './iam-helpers.mjs';
import { typeInto } from './learning.helpers.mjs';

test.use({ bypassCSP: true });

/** Leaves only the given kinds of item checked. */
async function onlyKinds(page, kinds) {
  for (const kind of ['Multiple choice', "Predict AWS's decision", 'Write the policy']) {
    await page.getByLabel(kind).setChecked(kinds.includes(kind));
  }
}

const storedInterviews = (page) =>
  page.evaluate(() => JSON.parse(localStorage.getItem('iamplay.progress')).progress.interviews);

test('an interview session from setup to score, by keyboard', async ({ page }) => {
  await page.goto('/interview');
  await appMounted(page);
  await expect(page.getByText('questions available for these topics')).toHaveText('43 questions available for these topics.');
  await onlyKinds(page, ['Multiple choice']);
  await page.getByLabel('Conditions').check();
  await expect(page.getByText('questions available for these topics')).toHaveText('3 questions available for these topics.');
  await page.getByLabel('Items').fill('3');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Start' }).focus();
  await page.keyboard.press('Enter');

  for (let i = 1; i <= 3; i += 1) {
    await expect(page.getByText(`Question ${i} of 3`)).toBeVisible();
    await expect(page.getByRole('timer')).toHaveText(/^(20:00|19:[45]\d)$/);
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
  expect((await storedInterviews(page)).at(-1)).toMatchObject({ correct, total: 3 });
  await expectAccessible(page);
});

// One line: Monaco auto-indents typed line breaks.
const TOO_BROAD = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}';
const MODEL =
  '{"Version": "2012-10-17", "Statement": [{"Sid": "ReadIncoming", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::raw-data/incoming/*"}, {"Sid": "WriteSales", "Effect": "Allow", "Action": "s3:PutObject", "Resource": "arn:aws:s3:::curated-lake/sales/*"}]}';

async function writeOnce(page, text) {
  await expect(page.getByText('Question 1 of 1')).toBeVisible();
  const item = page.getByTestId('write-item');
  await expect(item.getByRole('heading', { name: 'Write the policy: Read raw, write curated' })).toBeVisible();
  await expect(item.locator('.editor-frame[data-ready="true"]')).toBeVisible();
  // No verdict while the session runs.
  await expect(page.getByText(/checks? pass|solved/i)).toHaveCount(0);
  await typeInto(page, item, text);
  await page.getByRole('button', { name: 'Finish' }).click();
  return page.getByTestId('written-result');
}

test('a policy written in the editor is graded by the engine and shown beside the model answer', async ({ page }) => {
  await page.goto('/interview');
  await appMounted(page);
  await onlyKinds(page, ['Write the policy']);
  await page.getByLabel('Anatomy of a policy').check();
  await expect(page.getByText('policy to write for these topics')).toHaveText(/^1 policy to write for these topics/);
  await page.getByLabel('Items').fill('1');
  await page.getByRole('button', { name: 'Start' }).click();

  // Too broad: the deny checks fail, each with the engine's explanation.
  let result = await writeOnce(page, TOO_BROAD);
  await expect(page.getByTestId('score')).toHaveText('Score: 0 of 1 (0%)');
  await expect(result.getByTestId('written-verdict')).toHaveText('Not solved: 2 of 5 checks pass.');
  await expect(result.getByTestId('your-answer')).toContainText('"s3:*"');
  await expect(result.getByTestId('model-answer')).toContainText('"WriteSales"');
  const failed = result.locator('.written-check:not(.passed)');
  await expect(failed).toHaveCount(3);
  await expect(failed.first()).toContainText("the engine's decision: allowed.");
  await expect(failed.first()).toContainText(/allow/i);

  // The model answer, typed: every check passes and nothing extra is granted.
  await page.getByRole('button', { name: 'Another session' }).click();
  await page.getByRole('button', { name: 'Start' }).click();
  result = await writeOnce(page, MODEL);
  await expect(page.getByTestId('score')).toHaveText('Score: 1 of 1 (100%)');
  await expect(result.getByTestId('written-verdict')).toHaveText(
    'Solved: every check passes and nothing beyond the task is granted.',
  );
  await expect(result.locator('.written-check.passed')).toHaveCount(5);
  await expect(result.locator('.lp-summary')).toHaveText('Least privilege: nothing extra.');
  // Once per page: axe defines an AMD module, and Monaco's loader warns about a second one.
  await expectAccessible(page);

  const [first, second] = (await storedInterviews(page)).slice(-2);
  expect(first).toMatchObject({ correct: 0, total: 1, written: { correct: 0, total: 1 } });
  expect(first.missedItems).toEqual(['scenario:policy-anatomy/write-two-statements']);
  expect(second).toMatchObject({ correct: 1, total: 1, written: { correct: 1, total: 1 }, missedItems: [] });
  await page.goto('/progress');
  await expect(page.getByTestId('interview-sessions')).toContainText('Policies written 1 / 1');
});

test('predictions on generated drills are graded by the engine with its explanation', async ({ page }) => {
  await page.goto('/interview');
  await appMounted(page);
  await onlyKinds(page, ["Predict AWS's decision"]);
  await page.getByLabel('Items').fill('2');
  await page.getByRole('button', { name: 'Start' }).click();
  for (let i = 1; i <= 2; i += 1) {
    const item = page.getByTestId('predict-item');
    await expect(item.locator('.drill-story')).not.toBeEmpty();
    await item.getByLabel('Implicit deny').check();
    await page.getByRole('button', { name: i < 2 ? 'Next' : 'Finish' }).click();
  }
  await expect(page.getByRole('heading', { name: /^Predictions \([012] of 2 right\)$/ })).toBeVisible();
  const results = page.getByTestId('predicted-result');
  await expect(results).toHaveCount(2);
  await expect(results.first()).toContainText(/You answered: Implicit deny\. AWS decides: (Allowed|Explicit deny|Implicit deny)\./);
  await expectAccessible(page);
  expect((await storedInterviews(page)).at(-1).predicted.total).toBe(2);
});
