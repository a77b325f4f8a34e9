// The open playground: a cross-account setup built from nothing, evaluated live and explained.
import { appMounted, expect, test } from './fixtures.mjs';
import { expectAccessible, policyText, setPolicyText } from './iam-helpers.mjs';

test.use({ bypassCSP: true });

const IDENTITY = `{
  "Version": "2012-10-17",
  "Statement": [{"Sid": "ReadLake", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::lake/*"}]
}`;
const BUCKET = `{
  "Version": "2012-10-17",
  "Statement": [{"Sid": "AnalystReads", "Effect": "Allow",
    "Principal": {"AWS": "arn:aws:iam::111122223333:role/analyst"},
    "Action": "s3:GetObject", "Resource": "arn:aws:s3:::lake/*"}]
}`;

test('a cross-account setup built in the playground gets the right decision and explanation', async ({ page }) => {
  await page.goto('/playground');
  await appMounted(page);
  await page.getByLabel('Start from').selectOption('empty');
  await expect(page.locator('.policy-card')).toHaveCount(0);
  await page.getByRole('button', { name: 'Identity policy', exact: true }).click();
  await page.getByRole('button', { name: 'Resource policy', exact: true }).click();
  await setPolicyText(page, 1, IDENTITY);
  await setPolicyText(page, 2, BUCKET);

  await page.getByRole('button', { name: 'Add request' }).click();
  const row = page.locator('tbody[data-request-id="3"]');
  await row.getByLabel('Principal of request 3').fill('arn:aws:sts::111122223333:assumed-role/analyst/alice');
  await row.getByLabel('Action of request 3').fill('s3:GetObject');
  await row.getByLabel('Resource of request 3', { exact: true }).fill('arn:aws:s3:::lake/sales.csv');
  await row.getByLabel('Resource account of request 3').fill('444455556666');
  await row.getByLabel('Expected outcome of request 3').selectOption('allowed');
  await expect(row.getByTestId('result')).toContainText('Allowed');
  await expect(row.getByTestId('result')).toContainText('as expected');

  const explanation = page.getByTestId('explanation');
  await expect(explanation).toContainText('Resource policy');
  await expect(explanation).toContainText('AnalystReads');
  await expect(explanation.locator('.deciding')).toHaveCount(2);
  await expect(page.locator('.flow-step.decisive')).toHaveCount(2);

  // Cross-account: switching the bucket policy off leaves only the identity side: denied.
  await page.locator('[data-policy-id="2"]').getByRole('checkbox', { name: 'On' }).uncheck();
  await expect(row.getByTestId('result')).toContainText('Implicit deny');
  await expect(row.getByTestId('result')).toContainText('not as expected');
  await expect(page.getByTestId('decision-summary')).toContainText('implicitDeny');
  await expect(page.getByTestId('request-summary')).toHaveText('1 requests · 0 as expected · 1 not');

  await expectAccessible(page);
});

test('an SCP example stops the request at the SCP layer and marks the deciding statement', async ({ page }) => {
  await page.goto('/playground');
  await appMounted(page);
  await page.getByLabel('Start from').selectOption('scp-region-guardrail');
  await expect(page.getByTestId('request-summary')).toHaveText('3 requests · 3 as expected · 0 not');
  const second = page.locator('tbody').nth(1);
  await second.getByRole('button', { name: 'Explain' }).click();
  await expect(page.locator('.flow-step.decisive')).toHaveText(/SCPs.*explicit deny.*stopped here/);
  await expect(page.locator('.deciding-note')).toContainText('Decides the selected request');
  // The deciding statement is highlighted in the SCP's editor as in the lesson editors, and
  // only there.
  const scp = page.locator('.policy-card').nth(1);
  await expect(scp.locator('.monaco-editor .deciding-deny').first()).toBeVisible();
  await expect(page.locator('.monaco-editor .deciding-deny, .monaco-editor .deciding-allow')).toHaveCount(
    await scp.locator('.monaco-editor .deciding-deny').count(),
  );
  await expect
    .poll(() =>
      page.evaluate(() => (globalThis.monaco?.editor.getModelMarkers({ owner: 'iamplay' }) ?? []).filter((m) => m.severity === 1).length),
    )
    .toBe(0);
});

test('missing context values are pointed out and can be added with the keyboard', async ({ page }) => {
  await page.goto('/playground');
  await appMounted(page);
  await page.getByLabel('Start from').selectOption('glue-passrole');
  await expect(page.locator('.row-detail')).toBeVisible();
  await page.getByRole('button', { name: 'Remove context key 1' }).click();
  await expect(page.locator('.missing-keys')).toContainText('iam:PassedToService');
  await page.getByRole('button', { name: 'Add iam:PassedToService' }).focus();
  await page.keyboard.press('Enter');
  await page.getByLabel('Value of context key 1').focus();
  await page.keyboard.type('glue.amazonaws.com');
  await expect(page.locator('.missing-keys')).toHaveCount(0);
  await expect(page.getByTestId('request-summary')).toHaveText('3 requests · 3 as expected · 0 not');
});

test('an RCP needs no Allow: a deny-only RCP lets other requests through by RCPFullAWSAccess', async ({ page }) => {
  await page.goto('/playground');
  await appMounted(page);
  await page.getByLabel('Start from').selectOption('lambda-reads-s3');
  await expect(page.getByTestId('request-summary')).toHaveText('4 requests · 4 as expected · 0 not');
  await page.getByRole('button', { name: 'RCP', exact: true }).click();
  const card = page.locator('.policy-card').last();
  await expect(card).toContainText('RCPs only deny');
  const id = await card.getAttribute('data-policy-id');
  const starter = await policyText(page, id);
  expect(starter).toContain('"Effect": "Deny"');
  expect(starter).not.toContain('Allow');

  await setPolicyText(page, id, starter.replace('"Action": ""', '"Action": "s3:DeleteObject"'));
  await expect(page.getByTestId('request-summary')).toHaveText('4 requests · 4 as expected · 0 not');
  // The example opens its first request, the allowed read.
  await expect(page.locator('tbody').first().getByRole('button', { name: 'Hide' })).toBeVisible();
  await expect(page.locator('.flow-step').filter({ hasText: 'RCPs' })).toContainText('passes (RCPFullAWSAccess)');
  await expect(page.locator('.decision-note')).toContainText(
    'passes RCPs: RCPFullAWSAccess, attached by AWS at every level',
  );

  // The same RCP denying the read stops it.
  await setPolicyText(page, id, starter.replace('"Action": ""', '"Action": "s3:GetObject"'));
  await expect(page.getByTestId('request-summary')).toHaveText('4 requests · 3 as expected · 1 not');
  await expect(page.locator('.flow-step').filter({ hasText: 'RCPs' })).toContainText('explicit deny');
});

const VPC_ONLY = `{
  "Version": "2012-10-17",
  "Statement": [{"Sid": "FromTheVpc", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*",
    "Condition": {"StringEquals": {"aws:SourceVpc": "vpc-1a2b"}}}]
}`;

test('with unknown keys a request shows what it depends on, and trying a value decides it', async ({ page }) => {
  await page.goto('/playground');
  await appMounted(page);
  await page.getByLabel('Start from').selectOption('empty');
  await page.getByRole('button', { name: 'Identity policy', exact: true }).click();
  await setPolicyText(page, 1, VPC_ONLY);
  await page.getByRole('button', { name: 'Add request' }).click();
  const row = page.locator('tbody[data-request-id="2"]');
  await row.getByLabel('Expected outcome of request 2').selectOption('allowed');
  await expect(row.getByTestId('result')).toContainText('Implicit deny');
  // Keys AWS sets for the caller are shown as such, the invented unique ID marked.
  await expect(page.getByTestId('set-by-aws')).toContainText('aws:PrincipalArn');
  await expect(page.getByTestId('set-by-aws')).toContainText('invented stand-in');

  await page.getByLabel(/unknown, not absent/).check();
  await expect(row.getByTestId('result')).toContainText('Depends');
  await expect(row.getByTestId('result')).toContainText('on aws:SourceVpc');
  await expect(page.getByTestId('request-summary')).toHaveText(
    '1 requests · 0 as expected · 0 not · 1 depend on unknown keys',
  );
  const panel = page.getByTestId('depends-on');
  await expect(panel).toContainText('allowed with: vpc-1a2b');
  await panel.getByLabel('Try a value for aws:SourceVpc').fill('vpc-1a2b');
  await page.keyboard.press('Enter');
  await expect(row.getByTestId('result')).toContainText('Allowed');
  await expect(row.getByTestId('result')).toContainText('as expected');
  await expect(panel).toHaveCount(0);
  await expect(page.getByLabel('Value of context key 1')).toHaveValue('vpc-1a2b');
  await expectAccessible(page);
});

test('the playground draws its setup as an access map that follows every edit, and an edge opens its request', async ({ page }) => {
  await page.goto('/playground');
  await appMounted(page);
  await page.getByLabel('Start from').selectOption('lambda-reads-s3');
  await expect(page.getByTestId('request-summary')).toHaveText('4 requests · 4 as expected · 0 not');
  const map = page.locator('.access-map');
  await expect(map.locator('svg[role="img"]')).toBeVisible();
  const requests = map.locator('li.map-request');
  await expect(requests).toHaveCount(4);
  await expect(map.locator('li.map-request.allowed')).not.toHaveCount(0);
  const allowedEdges = await map.locator('svg g.dg-allowed').count();
  expect(allowedEdges).toBeGreaterThan(0);

  // A deny of everything in the identity policy turns every edge denied, naming the layer.
  const card = page.locator('.policy-card').filter({ has: page.locator('.kind', { hasText: /^Identity policy$/ }) }).first();
  const id = await card.getAttribute('data-policy-id');
  await setPolicyText(page, id, '{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "*", "Resource": "*"}]}');
  await expect(map.locator('li.map-request.allowed')).toHaveCount(0);
  await expect(map.locator('svg g.dg-allowed')).toHaveCount(0);
  await expect(requests.first()).toContainText('an explicit deny in the identity-based policies');

  // Choosing an edge from the keyboard opens that request in the table.
  const last = requests.last();
  const row = await last.getAttribute('data-check');
  await last.locator('button').focus();
  await page.keyboard.press('Enter');
  await expect(last.locator('button')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator(`tbody[data-request-id="${row}"]`)).toHaveClass(/selected/);
});
