// The scenario builder: a trainer fills the empty form while the course checker's problems
// clear one by one, tries the scenario, exports it; a learner opens the link in a fresh browser
// and solves it; a broken link gets a clear message; a reload keeps the draft.
import { deflateRawSync } from 'node:zlib';
import { appMounted, expect, test, watchProblems } from './fixtures.mjs';
import { expectAccessible } from './iam-helpers.mjs';
import { scenario, typeInto } from './learning.helpers.mjs';

test.use({ bypassCSP: true });

const ALICE = 'arn:aws:iam::111122223333:user/alice';
const ANSWER = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::raw-data/*' }],
});

const problemCount = (page) =>
  page.getByTestId('problem-count').getAttribute('data-count').then(Number);

/** The problems listed under the field whose input has this id. */
const problemsAt = (page, id) => page.locator(`#${id}-problems li`);

/** Fills a field and sees the problem it had go away. */
async function fixField(page, id, value, problem) {
  await expect(problemsAt(page, id)).toContainText([problem]);
  await page.locator(`#${id}`).fill(value);
  await expect(problemsAt(page, id)).toHaveCount(0);
}

async function fillCheck(page, key, { title, action, expect: outcome }) {
  await page.locator(`#build-check-${key}-title`).fill(title);
  await page.locator(`#build-check-${key}-principal`).fill(ALICE);
  await page.locator(`#build-check-${key}-action`).fill(action);
  await page.locator(`#build-check-${key}-resource`).fill('arn:aws:s3:::raw-data/2026/01.csv');
  await page.locator(`#build-check-${key}-expect`).selectOption(outcome);
  await page.locator(`#build-check-${key}-hint`).fill('Alice may read objects of raw-data, nothing else.');
}

test('a scenario built from an empty form is checked live, shared as a link and solved there', async ({
  page,
  browser,
}) => {
  await page.goto('/build');
  await appMounted(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Build a scenario' })).toBeVisible();
  await expect(page.locator('[data-editor="answer"] .editor-frame[data-ready="true"]')).toBeVisible();
  const empty = await problemCount(page);
  expect(empty).toBeGreaterThan(5);

  // A wrong id is reported at its field, with the rule; the right one clears it.
  await page.locator('#build-id').fill('Read Raw');
  await expect(problemsAt(page, 'build-id')).toContainText(['not kebab-case']);
  await page.locator('#build-id').fill('read-raw-data');
  await expect(problemsAt(page, 'build-id')).toHaveCount(0);
  await fixField(page, 'build-title', 'Read the raw data', 'must not be empty');
  await fixField(page, 'build-task', 'Let **alice** read the objects of `raw-data`, and nothing more.', 'must not be empty');
  // The preview renders the Markdown, as text nodes.
  await expect(page.getByTestId('task-preview').locator('strong')).toHaveText('alice');
  await fixField(page, 'build-edit-name', 'Policy of user alice', 'must not be empty');
  await fixField(page, 'build-explanation', 'Objects have ARNs of their own: `raw-data/*`.', 'must not be empty');
  const named = await problemCount(page);
  expect(named).toBeLessThan(empty);

  await expect(problemsAt(page, 'build-hints')).toContainText(['no hints']);
  await page.getByRole('button', { name: 'Add a hint' }).click();
  await expect(problemsAt(page, 'build-hints')).toHaveCount(0);
  await fixField(page, 'build-hint-0', 'Which S3 action reads an object?', 'must not be empty');

  await expect(problemsAt(page, 'build-checks')).toContainText(['it needs 2 to 5']);
  await page.getByRole('button', { name: 'Add a check' }).click();
  await page.getByRole('button', { name: 'Add a check' }).click();
  await expect(page.getByTestId('check-row')).toHaveCount(2);
  await expect(problemsAt(page, 'build-checks')).not.toContainText(['it needs 2 to 5']);
  await fillCheck(page, 0, { title: 'Alice reads raw-data/2026/01.csv', action: 's3:GetObject', expect: 'allowed' });
  await fillCheck(page, 1, { title: 'Alice deletes raw-data/2026/01.csv', action: 's3:DeleteObject', expect: 'denied' });
  await expect(problemsAt(page, 'build-checks')).toHaveCount(0);

  // The empty answer fails the must-allow check: the engine says so at that check.
  await expect(problemsAt(page, 'build-check-0-expect')).toContainText(['the reference answer fails check `check-1`']);
  // Once per document: Monaco's module loader refuses axe's second definition.
  await expectAccessible(page);
  await typeInto(page, page.locator('[data-editor="answer"]'), ANSWER);
  await expect(problemsAt(page, 'build-check-0-expect')).toHaveCount(0);
  // Listed by their text, so that a failure says which problem is left.
  await expect(page.locator('[data-testid="field-problems"] li')).toHaveText([]);
  await expect(page.getByTestId('problem-count')).toHaveAttribute('data-count', '0');
  await expect(page.getByTestId('problem-count')).toContainText('ready to try and share');

  // Try it as a learner: the scenario panel on the draft, the starter failing a check.
  await page.getByRole('button', { name: 'Try it as a learner' }).click();
  const tried = await scenario(page, 'read-raw-data');
  await expect(tried.getByRole('heading', { name: 'Read the raw data' })).toBeVisible();
  await expect(tried.locator('.check-list li').first()).toBeVisible();
  await expect(page.getByText('The draft changed since this try opened')).toHaveCount(0);
  await page.locator('#build-explanation').fill('Objects have ARNs of their own: `raw-data/*`, not `raw-data`.');
  await expect(page.getByText('The draft changed since this try opened')).toBeVisible();

  // Export: the lesson JSON reads back as the scenario; the link is shown to copy.
  await page.getByText('Lesson JSON', { exact: true }).click();
  const json = JSON.parse(await page.getByTestId('lesson-json').textContent());
  expect(json.id).toBe('read-raw-data');
  expect(json.checks.map((c) => c.expect)).toEqual(['allowed', 'denied']);
  expect(json.answer.Statement[0].Action).toBe('s3:GetObject');
  await page.getByRole('button', { name: 'Copy the learner link' }).click();
  const url = await page.getByTestId('scenario-url').inputValue();
  expect(url).toMatch(/\/build\/try#scenario=1\.[A-Za-z0-9_-]+$/);

  // A reload keeps the draft, typed text and Monaco's alike.
  await page.reload();
  await appMounted(page);
  await expect(page.locator('#build-id')).toHaveValue('read-raw-data');
  await expect(page.locator('#build-check-1-expect')).toHaveValue('denied');
  await expect(page.getByTestId('problem-count')).toHaveAttribute('data-count', '0');

  // A learner opens the link in a browser of their own and solves the scenario.
  const context = await browser.newContext({ bypassCSP: true, serviceWorkers: 'block' });
  const learner = await context.newPage();
  const problems = watchProblems(learner);
  await learner.goto(url);
  await appMounted(learner);
  await expect(learner.getByRole('heading', { level: 1, name: 'A scenario shared with you' })).toBeVisible();
  const section = await scenario(learner, 'read-raw-data');
  await expect(section.locator('.badge.done')).toHaveCount(0);
  await expectAccessible(learner);
  await typeInto(learner, section, ANSWER);
  await expect(section.locator('.badge.done')).toHaveText('Solved');
  await context.close();
  expect(problems, "the learner's page reported errors").toEqual([]);
});

test('a broken or crafted scenario link gets a clear message', async ({ page }) => {
  await page.goto('/build/try#scenario=1.AAAA');
  await appMounted(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('This scenario link does not open');
  await expect(page.getByTestId('link-error')).toContainText('The link is damaged or cut short');
  await expectAccessible(page);
  await page.goto('/build/try#scenario=1.a*b');
  await expect(page.getByTestId('link-error')).toContainText('is not valid in a share link');
  await page.goto('/build/try');
  await expect(page.getByTestId('link-error')).toContainText('The link holds no shared setup');

  // Well-formed, but a scenario no course would accept: one check, so nothing to tell apart.
  const policy = JSON.parse(ANSWER);
  const crafted = {
    engine: '0.1.0',
    scenario: {
      id: 'one-check', title: 'One check', style: 'write', task: 'Read.',
      edit: { kind: 'identity', name: 'alice' }, starter: { Version: '2012-10-17', Statement: [] },
      checks: [{ id: 'reads', title: 'reads', expect: 'allowed', hint: 'read',
        request: { principal: ALICE, action: 's3:GetObject', resource: 'arn:aws:s3:::raw-data/a.csv' } }],
      hints: ['read'], answer: policy, explanation: 'done',
    },
  };
  const data = deflateRawSync(Buffer.from(JSON.stringify(crafted))).toString('base64url');
  await page.goto(`/build/try#scenario=1.${data}`);
  await expect(page.getByTestId('link-error')).toContainText(
    'The scenario in this link does not pass the course checker: checks: the scenario has 1 check(s)',
  );
});

test('the builder fits a 360 px wide screen, rows and editors included', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/build');
  await appMounted(page);
  await page.getByRole('button', { name: 'Add a check' }).click();
  await page.getByRole('button', { name: 'Add a fixed policy' }).click();
  await page.locator('#build-fixed-0-slot').selectOption('scps');
  await expect(page.locator('#build-fixed-0-level')).toBeVisible();
  await expect(page.locator('[data-editor="answer"] .editor-frame[data-ready="true"]')).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, 'horizontal overflow on /build').toBeLessThanOrEqual(0);
});
