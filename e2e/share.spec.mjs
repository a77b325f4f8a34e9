// Share links: the whole playground in the fragment, restored in a new page; bad links refused.
import { appMounted, expect, test } from './fixtures.mjs';
import { expectAccessible, policyText } from './iam-helpers.mjs';

test.use({ bypassCSP: true });

test('a copied link opens the same playground in a new page', async ({ page, context }) => {
  await page.goto('/playground');
  await appMounted(page);
  await page.getByLabel('Start from').selectOption('glue-passrole');
  await page.getByLabel('Action of request 4').fill('iam:PassRole');
  await page.getByLabel('Resource of request 4', { exact: true }).fill('arn:aws:iam::111122223333:role/other');
  await page.getByRole('button', { name: 'Copy link' }).click();
  const link = await page.locator('#share-url').inputValue();
  expect(link).toContain('#share=1.');
  await expect(page.locator('[data-policy-id="1"] .monaco-editor .view-lines')).toBeVisible();
  const text = await policyText(page, 1);

  const other = await context.newPage();
  const problems = [];
  other.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  await other.goto(link);
  await appMounted(other);
  await expect(other.getByLabel('Resource of request 4', { exact: true })).toHaveValue('arn:aws:iam::111122223333:role/other');
  await expect(other.getByTestId('request-summary')).toHaveText('3 requests · 3 as expected · 0 not');
  await expect(other.locator('[data-policy-id="1"] .monaco-editor .view-lines')).toBeVisible();
  expect(await policyText(other, 1)).toBe(text);
  await expect(other.locator('.policy-name').first()).toHaveValue('pass-etl-role-to-glue');
  expect(problems).toEqual([]);
});

for (const [name, fragment] of [
  ['garbage', '#share=1.%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E'],
  ['truncated', '#share=1.q1YqTk0uyszPU7JSMjA0Mg'],
  ['unknown format', '#share=9.AAAA'],
]) {
  test(`a ${name} link shows a clear message and an empty playground`, async ({ page }) => {
    await page.goto(`/playground${fragment}`);
    await appMounted(page);
    await expect(page.getByTestId('share-error')).toContainText('This share link could not be opened');
    await expect(page.locator('.policy-card')).toHaveCount(0);
    await expect(page.locator('img[src="x"]')).toHaveCount(0);
    await expectAccessible(page);
  });
}
