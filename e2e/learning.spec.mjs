import { appMounted, expect, test } from './fixtures.mjs';
import { cursorPosition, scenario, scenarioMarkers, scenarioText, seriousViolations, typeInto } from './learning.helpers.mjs';

const ANSWER = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    { Sid: 'ReadTheReport', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::raw-data/reports/2026.csv' },
  ],
});

test('a scenario is solved by typing the answer, and the list shows progress', async ({ page }) => {
  await page.goto('/lessons/what-iam-answers');
  const section = await scenario(page, 'first-allow');
  await expect(section.locator('.checks-summary')).toHaveText(/^[0-2] of 3 checks pass$/);
  await typeInto(page, section, ANSWER);
  await expect(section.locator('.checks-summary')).toHaveText('3 of 3 checks pass');
  await expect(section.locator('.check.pass')).toHaveCount(3);
  await expect(section.locator('.check-title').first()).toContainText('Alice reads s3://raw-data/reports/2026.csv');
  await expect(section.locator('.lp-summary')).toHaveText('Least privilege: nothing extra.');
  await expect(section.getByText('Solved')).toBeVisible();

  await page.getByRole('link', { name: 'Lessons', exact: true }).first().click();
  const item = page.locator('.lesson-list li').first();
  await expect(item.locator('.lesson-status')).toHaveText('In progress');
});

test('a failing check explains itself and highlights the statement', async ({ page }) => {
  await page.goto('/lessons/what-iam-answers/first-allow');
  const section = await scenario(page, 'first-allow');
  const broad = ANSWER.replace('reports/2026.csv', '*');
  await typeInto(page, section, broad);
  const failing = section.locator('.check.fail').first();
  await expect(failing).toContainText('salaries');
  await failing.getByRole('button', { name: 'Why?' }).click();
  await expect(failing.locator('.explanation')).toContainText('Deciding');
  await expect(section.locator('.monaco-editor .deciding-allow').first()).toBeVisible();
});

test("a failing check's hint, which gives the answer away, waits until the learner has tried", async ({ page }) => {
  await page.goto('/lessons/what-iam-answers/first-allow');
  const section = await scenario(page, 'first-allow');
  const failing = section.locator('.check.fail').first();
  await failing.getByRole('button', { name: 'Why?' }).click();
  // The explanation of the evaluation is there at once; the hint is not.
  const explanation = failing.locator('.explanation');
  await expect(explanation).toContainText('implicit');
  await expect(explanation.locator('.check-hint')).toHaveCount(0);
  await expect(explanation).toContainText('A hint for this check appears once you have tried.');

  await typeInto(page, section, '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*"}]}');
  const stillFailing = section.locator('.check.fail').first();
  await expect(stillFailing.locator('.explanation .check-hint')).toContainText('Hint:');
  await expect(stillFailing.locator('.explanation')).not.toContainText('appears once you have tried');
});

test('a broken policy gets a marker at the right place and the finding moves the cursor', async ({ page }) => {
  await page.goto('/lessons/what-iam-answers');
  const section = await scenario(page, 'first-allow');
  await typeInto(page, section, '{"Version": "2012-10-17" "Statement": []}');
  await expect(section.locator('.checks-summary')).toContainText('The checks run once the policy is valid');
  await expect.poll(() => scenarioMarkers(page, 'first-allow')).not.toEqual([]);
  const [first] = await scenarioMarkers(page, 'first-allow');
  expect(first.startLineNumber).toBe(1);
  // The missing comma is reported where `"Statement"` starts (column 26).
  expect(first.startColumn).toBe(26);
  await section.locator('.finding-jump').first().click();
  expect(await cursorPosition(page, 'first-allow')).toEqual({ lineNumber: 1, column: 26 });
  // The finding links to the lesson the course says teaches it.
  const lesson = section.locator('.finding').first().locator('.finding-lesson');
  await expect(lesson.locator('code')).toHaveText('json-syntax');
  await expect(lesson.getByRole('link', { name: 'The lesson on this' })).toHaveAttribute('href', '/lessons/policy-anatomy');
});

test('text and progress survive a reload', async ({ page }) => {
  await page.goto('/lessons/what-iam-answers');
  let section = await scenario(page, 'first-allow');
  await typeInto(page, section, ANSWER);
  await expect(section.getByText('Solved')).toBeVisible();
  const hints = page.locator('section.scenario[id="predict-request-context"] .hints');
  await hints.getByRole('button', { name: /Show a hint/ }).click();
  await page.reload();
  section = await scenario(page, 'first-allow');
  expect(await scenarioText(page, 'first-allow')).toBe(ANSWER);
  await expect(section.getByText('Solved')).toBeVisible();
  await expect(hints.locator('ol li')).toHaveCount(1);
});

test('a keystroke typed just before the page is left is kept', async ({ page }) => {
  // Drafts are written once the keystroke's frame is painted, or at once when the page goes:
  // here the page goes in the keystroke's own task.
  await page.goto('/lessons/what-iam-answers');
  const section = await scenario(page, 'first-allow');
  await typeInto(page, section, ANSWER);
  await expect(section.getByText('Solved')).toBeVisible();
  const reloaded = page.waitForEvent('load');
  await page.evaluate(() => {
    const here = document.getElementById('first-allow');
    const editor = globalThis.monaco.editor.getEditors().find((e) => here.contains(e.getContainerDomNode()));
    editor.setPosition({ lineNumber: 1, column: 2 });
    editor.trigger('keyboard', 'type', { text: 'x' });
    location.reload();
  });
  await reloaded;
  await scenario(page, 'first-allow');
  expect(await scenarioText(page, 'first-allow')).toBe(`${ANSWER.slice(0, 1)}x${ANSWER.slice(1)}`);
});

test('predict scenarios ask first, then reveal', async ({ page }) => {
  await page.goto('/lessons/what-iam-answers/predict-root-user');
  const section = await scenario(page, 'predict-root-user');
  await expect(section.locator('.check.pending')).not.toHaveCount(0);
  const groups = section.locator('fieldset.prediction');
  const count = await groups.count();
  for (let i = 0; i < count; i += 1) await groups.nth(i).getByLabel('Allowed').click();
  await expect(section.locator('.check.pending')).toHaveCount(0);
  await expect(section.locator('.checks-summary')).toHaveText(/checks pass/);
});

test('checkpoint questions explain every option and are remembered', async ({ page }) => {
  await page.goto('/lessons/what-iam-answers');
  await scenario(page, 'first-allow');
  const question = page.locator('fieldset.question').first();
  await question.locator('input').first().check();
  await question.getByRole('button', { name: 'Check my answer' }).click();
  await expect(question.locator('.verdict')).toBeVisible();
  const options = await question.locator('.options li').count();
  await expect(question.locator('.option-why')).toHaveCount(options);
  await page.reload();
  await scenario(page, 'first-allow');
  await expect(page.locator('fieldset.question').first().locator('.option-why')).toHaveCount(options);
});

test('progress exports and imports; a bad file changes nothing', async ({ page }, info) => {
  await page.goto('/lessons/what-iam-answers');
  const section = await scenario(page, 'first-allow');
  await typeInto(page, section, ANSWER);
  await expect(section.getByText('Solved')).toBeVisible();

  await page.goto('/progress');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export progress' }).click();
  const file = info.outputPath('progress.json');
  await (await download).saveAs(file);

  await page.getByRole('button', { name: 'Reset progress…' }).click();
  await page.getByRole('button', { name: 'Yes, erase everything' }).click();
  await expect(page.locator('.progress-table tbody tr').first()).toContainText('0 of 3');

  await page.locator('input[type=file]').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"nope": 1}') });
  await expect(page.getByRole('alert')).toContainText('not an IAM Playground progress file');
  await expect(page.locator('.progress-table tbody tr').first()).toContainText('0 of 3');

  await page.locator('input[type=file]').setInputFiles(file);
  await expect(page.getByRole('status')).toContainText('Imported: 1 scenarios');
  await expect(page.locator('.progress-table tbody tr').first()).toContainText('1 of 3');
  await page.goto('/lessons/what-iam-answers');
  await scenario(page, 'first-allow');
  expect(await scenarioText(page, 'first-allow')).toBe(ANSWER);
});

test('corrupt saved progress is set aside with a notice, never a crash', async ({ page }) => {
  await page.goto('/lessons');
  await appMounted(page);
  await page.evaluate(() => localStorage.setItem('iamplay.progress', '{"version": 1, "progress": {"scen'));
  await page.reload();
  await expect(page.locator('.progress-notice')).toContainText('could not be read');
  await expect(page.locator('.lesson-list li')).toHaveCount(14);
  const kept = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('iamplay.progress.unreadable.')));
  expect(kept).toHaveLength(1);
});

for (const [name, path, ready] of [
  ['the lesson list', '/lessons', '.lesson-list'],
  // Its editors are built as the learner scrolls: lazy-editor.spec checks a built one too.
  ['a lesson page with its scenarios', '/lessons/how-aws-decides', 'section.scenario .editor-preview'],
  ['the progress page', '/progress', '.progress-table'],
]) {
  test(`axe finds no serious or critical violation on ${name}`, async ({ page }) => {
    await page.goto(path);
    await appMounted(page);
    await expect(page.locator(ready).first()).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
}

test('the loop works with the keyboard alone', async ({ page }) => {
  await page.goto('/lessons/what-iam-answers/first-allow');
  const section = await scenario(page, 'first-allow');
  // The deep link puts the focus on the scenario; Tab reaches the editor.
  await expect(section).toBeFocused();
  for (let i = 0; i < 20; i += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement?.closest('.monaco-editor') !== null)) break;
  }
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(ANSWER.replace('reports/2026.csv', '*'));
  await expect(section.locator('.check.fail')).toHaveCount(1);
  // Leave the editor: Ctrl+M switches Tab to moving focus.
  await page.keyboard.press('Control+M');
  let opened = false;
  for (let i = 0; i < 20 && !opened; i += 1) {
    await page.keyboard.press('Tab');
    const label = await page.evaluate(() => document.activeElement?.textContent ?? '');
    if (label === 'Why?') {
      const failing = await page.evaluate(() => document.activeElement.closest('.check')?.classList.contains('fail'));
      if (failing) {
        await page.keyboard.press('Enter');
        opened = true;
      }
    }
  }
  expect(opened).toBe(true);
  await expect(section.locator('.check.fail .explanation')).toBeVisible();
  // A hint, by keyboard.
  for (let i = 0; i < 30; i += 1) {
    await page.keyboard.press('Tab');
    const label = await page.evaluate(() => document.activeElement?.textContent ?? '');
    if (label.startsWith('Show a hint')) break;
  }
  await page.keyboard.press('Enter');
  await expect(section.locator('.hints ol li')).toHaveCount(1);
});
