// Where the learning loop and the playground meet: interview sessions kept in progress, the
// catalogue in scenario panels, and links to a scenario attempt.
import { appMounted, expect, test } from './fixtures.mjs';
import { scenario, scenarioText, typeInto } from './learning.helpers.mjs';

const ANSWER = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    { Sid: 'ReadTheReport', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::raw-data/reports/2026.csv' },
  ],
});

/** Fails the test on console errors of a page the fixture does not watch. */
function watch(page) {
  const problems = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  return problems;
}

test('a finished interview appears on the progress page by topic and survives a reload', async ({ page }) => {
  await page.goto('/interview');
  await appMounted(page);
  // Multiple choice only: predictions and written policies have specs of their own.
  await page.getByLabel("Predict AWS's decision").uncheck();
  await page.getByLabel('Write the policy').uncheck();
  await page.getByLabel('Conditions').check();
  await page.getByLabel('Items').fill('2');
  await page.getByRole('button', { name: 'Start' }).click();
  await page.getByTestId('question').locator('input').first().check();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Finish' }).click();
  const score = await page.getByTestId('score').textContent();
  const correct = Number(score.match(/Score: (\d) of 2/)[1]);

  await page.getByRole('link', { name: 'your progress page' }).click();
  const sessions = page.getByTestId('interview-sessions');
  await expect(sessions.locator('li.interview-session')).toHaveCount(1);
  await expect(sessions).toContainText(`${correct} of 2 right (${correct * 50}%)`);
  await expect(sessions.getByRole('link', { name: 'Conditions' })).toBeVisible();
  await expect(sessions.locator('.topic-scores li')).toHaveText([new RegExp(`^Conditions.*: ${correct} / 2$`)]);

  await page.reload();
  await expect(page.getByTestId('interview-sessions').locator('li.interview-session')).toHaveCount(1);
  // Kept with the rest of the progress, not under a key of its own.
  const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('iamplay.progress')).progress.interviews);
  expect(saved).toHaveLength(1);
  expect(saved[0]).toMatchObject({ correct, total: 2, topics: { conditions: { correct, total: 2 } } });
  expect(saved[0].seconds).toBeGreaterThanOrEqual(0);

  // Reset, which asks first, forgets sessions too.
  await page.getByRole('button', { name: 'Reset progress…' }).click();
  await page.getByRole('button', { name: 'Yes, erase everything' }).click();
  await expect(page.getByTestId('interview-sessions')).toHaveCount(0);
});

test('sessions saved by the earlier interview store are adopted once', async ({ page }) => {
  await page.goto('/lessons');
  await appMounted(page);
  await page.evaluate(() =>
    localStorage.setItem(
      'iamplay.interview.results',
      JSON.stringify([{ finishedAt: 1795417509250, correct: 3, total: 4, byTopic: [['conditions', 1, 2], ['least-privilege', 2, 2]] }]),
    ),
  );
  await page.goto('/progress');
  const session = page.getByTestId('interview-sessions').locator('li.interview-session');
  await expect(session).toHaveCount(1);
  await expect(session).toContainText('3 of 4 right (75%)');
  await expect(session).toContainText('2026-11-23 07:05 UTC');
  await expect(session.locator('.topic-scores li')).toHaveCount(2);
  expect(await page.evaluate(() => localStorage.getItem('iamplay.interview.results'))).toBeNull();
  await page.reload();
  await expect(page.getByTestId('interview-sessions').locator('li.interview-session')).toHaveCount(1);
});

test('a scenario counts the extra actions once the catalogue arrives, fetched once', async ({ page }) => {
  let release;
  const held = new Promise((resolve) => {
    release = resolve;
  });
  let fetches = 0;
  await page.route('**/catalog-*.json', async (route) => {
    fetches += 1;
    await held;
    await route.continue();
  });
  await page.goto('/lessons/what-iam-answers/first-allow');
  const section = await scenario(page, 'first-allow');
  // Reading the report and changing its permissions: passes every check, grants more.
  await typeInto(page, section, ANSWER.replace('"s3:GetObject"', '["s3:GetObject","s3:PutObjectAcl"]'));
  await expect(section.locator('.checks-summary')).toHaveText('3 of 3 checks pass');
  await expect(section.locator('.lp-summary')).toHaveText('Passes, but also grants more than the task needs: s3:PutObjectAcl.');
  await expect(section.locator('.lp-summary code')).toHaveText('s3:PutObjectAcl');
  release();
  await expect(section.locator('.lp-summary')).toHaveText('Passes, but also grants 1 more action, 1 of them permissions management.');
  await expect(section.locator('.lp-actions li')).toHaveText(['s3:PutObjectAcl']);
  // Completions, hovers and every scenario panel on the page shared one request.
  expect(fetches).toBe(1);
});

test('a link to an attempt opens the scenario with its text, in a browser without a draft', async ({ page, browser }) => {
  await page.goto('/lessons/what-iam-answers/first-allow');
  const section = await scenario(page, 'first-allow');
  await typeInto(page, section, ANSWER);
  await section.getByRole('button', { name: 'Copy link to this attempt' }).click();
  const link = await section.getByTestId('attempt-url').inputValue();
  expect(link).toMatch(/\/lessons\/what-iam-answers\/first-allow#share=1\./);

  const elsewhere = await browser.newContext();
  const other = await elsewhere.newPage();
  const problems = watch(other);
  await other.goto(link);
  const opened = await scenario(other, 'first-allow');
  expect(await scenarioText(other, 'first-allow')).toBe(ANSWER);
  await expect(opened.locator('.checks-summary')).toHaveText('3 of 3 checks pass');
  await expect(opened.getByRole('region', { name: 'Shared attempt' })).toHaveCount(0);
  // It is now that learner's draft.
  await other.reload();
  await scenario(other, 'first-allow');
  expect(await scenarioText(other, 'first-allow')).toBe(ANSWER);
  expect(problems).toEqual([]);
  await elsewhere.close();
});

test('a link to an attempt keeps a different draft and offers the attempt beside it', async ({ page }) => {
  await page.goto('/lessons/what-iam-answers/first-allow');
  let section = await scenario(page, 'first-allow');
  await typeInto(page, section, ANSWER);
  await section.getByRole('button', { name: 'Copy link to this attempt' }).click();
  const link = await section.getByTestId('attempt-url').inputValue();
  const mine = ANSWER.replace('ReadTheReport', 'MyOwnWork');
  await typeInto(page, section, mine);
  await expect.poll(() => scenarioText(page, 'first-allow')).toBe(mine);

  // Opened as from a chat message: a new document, not a jump within this one.
  await page.goto('/lessons');
  await page.goto(link);
  section = await scenario(page, 'first-allow');
  expect(await scenarioText(page, 'first-allow')).toBe(mine);
  const offer = section.getByRole('region', { name: 'Shared attempt' });
  await expect(offer).toContainText('ReadTheReport');
  await offer.getByRole('button', { name: 'Use this attempt (replaces my draft)' }).click();
  await expect(offer).toHaveCount(0);
  expect(await scenarioText(page, 'first-allow')).toBe(ANSWER);
  await page.reload();
  section = await scenario(page, 'first-allow');
  expect(await scenarioText(page, 'first-allow')).toBe(ANSWER);
  await expect(page.getByRole('region', { name: 'Shared attempt' })).toHaveCount(0);

  // Pasted into the address bar of this very page, only the fragment changes: still offered.
  await typeInto(page, section, mine);
  await expect.poll(() => scenarioText(page, 'first-allow')).toBe(mine);
  await page.evaluate((href) => {
    globalThis.location.href = href;
  }, link);
  await expect(offer).toContainText('ReadTheReport');
  await offer.getByRole('button', { name: 'Keep my draft' }).click();
  await expect(offer).toHaveCount(0);
  expect(await scenarioText(page, 'first-allow')).toBe(mine);
  expect(page.url()).not.toContain('#share=');
});

test('an attempt link opened in the playground leads to its scenario', async ({ page }) => {
  await page.goto('/lessons/what-iam-answers/first-allow');
  const section = await scenario(page, 'first-allow');
  await typeInto(page, section, ANSWER);
  await section.getByRole('button', { name: 'Copy link to this attempt' }).click();
  const link = await section.getByTestId('attempt-url').inputValue();
  await typeInto(page, section, ANSWER.replace('ReadTheReport', 'Later'));

  await page.goto(`/playground${link.slice(link.indexOf('#'))}`);
  const elsewhere = page.getByTestId('attempt-elsewhere');
  await expect(elsewhere).toContainText('what-iam-answers');
  await elsewhere.getByRole('link', { name: 'Open it in the lesson' }).click();
  const opened = await scenario(page, 'first-allow');
  await expect(opened.getByRole('region', { name: 'Shared attempt' })).toContainText('ReadTheReport');
});
