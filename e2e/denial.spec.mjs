// "Debug a denial": a pasted access-denied message fills the request and points at the layer.
import { appMounted, expect, test } from './fixtures.mjs';
import { expectAccessible } from './iam-helpers.mjs';

test.use({ bypassCSP: true });

const BOUNDARY = 'An error occurred (AccessDenied) when calling the GetObject operation: User: arn:aws:iam::111122223333:user/bob is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::raw-data/2026/01.csv" because no permissions boundary allows the s3:GetObject action';

test('a pasted message fills the request and highlights the blamed layer', async ({ page }) => {
  await page.goto('/playground');
  await appMounted(page);
  await page.getByText('Debug a denial').click();
  await page.getByLabel('Access-denied message').fill(BOUNDARY);
  await page.getByRole('button', { name: 'Explain the denial' }).click();

  const reading = page.getByTestId('denial-reading');
  await expect(reading).toContainText('arn:aws:iam::111122223333:user/bob was refused `s3:GetObject`: implicitDeny, blamed on the boundary layer');
  await expect(reading).toContainText('Look in the highlighted Permissions boundary editor');
  await expect(reading.getByRole('link', { name: 'The lesson about it' })).toHaveAttribute('href', '/lessons/guardrails-and-auditing');

  // The selected request now is the refused one.
  await expect(page.locator('input[aria-label^="Principal of request"]').first()).toHaveValue('arn:aws:iam::111122223333:user/bob');
  await expect(page.locator('input[aria-label^="Action of request"]').first()).toHaveValue('s3:GetObject');
  await expect(page.locator('input[aria-label^="Resource of request"]').first()).toHaveValue('arn:aws:s3:::raw-data/2026/01.csv');

  // A permissions boundary editor exists and is the one highlighted.
  const blamed = page.locator('.policy-card.blamed');
  await expect(blamed).toHaveCount(1);
  await expect(blamed.locator('.kind')).toHaveText('Permissions boundary');
  await expect(blamed.locator('.monaco-editor .view-lines')).toBeVisible();
  await expectAccessible(page);
});

test('text that is not a denial lists the shapes understood', async ({ page }) => {
  await page.goto('/playground');
  await appMounted(page);
  await page.getByText('Debug a denial').click();
  await page.getByLabel('Access-denied message').fill('The bucket is empty');
  await page.getByRole('button', { name: 'Explain the denial' }).click();
  const error = page.getByTestId('denial-error');
  await expect(error).toContainText('this is not an AWS access-denied message');
  await expect(error).toContainText('with an explicit deny in');
  await expect(page.locator('.policy-card.blamed')).toHaveCount(0);
});
