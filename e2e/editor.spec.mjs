// The editor that knows IAM: a completion accepted and a quick fix applied, in Monaco.
import { appMounted, expect, rustMarkers, test } from './fixtures.mjs';
import { policyText, setPolicyText } from './iam-helpers.mjs';

async function focusEnd(page, policyId, lineText) {
  await page.evaluate(
    ({ policyId, lineText }) => {
      const editor = globalThis.monaco.editor
        .getEditors()
        .find((e) => e.getContainerDomNode().closest(`[data-policy-id="${policyId}"]`));
      const model = editor.getModel();
      const match = model.findMatches(lineText, false, false, true, null, false)[0];
      editor.setPosition(match.range.getEndPosition());
      editor.focus();
    },
    { policyId, lineText },
  );
}

/** Waits for a lint marker that only the catalogue can produce. The catalogue loads lazily, and
 * asking Monaco for completions or fixes before it is in finds none, and does not ask again. */
async function catalogueFinding(page, message) {
  await expect.poll(async () => (await rustMarkers(page)).map((m) => m.message).join('\n')).toContain(message);
}

test('typing an action offers catalogue completions; Enter accepts one', async ({ page }) => {
  await page.goto('/playground');
  await appMounted(page);
  await page.getByLabel('Start from').selectOption('empty');
  await page.getByRole('button', { name: 'Identity policy', exact: true }).click();
  await setPolicyText(page, 1, '{\n  "Version": "2012-10-17",\n  "Statement": [{"Effect": "Allow", "Action": "s3:GetObjectVersionT", "Resource": "*"}]\n}');
  // Completions need the catalogue too; it is in once it can call the half-typed name unknown.
  await catalogueFinding(page, '`GetObjectVersionT` is not an action of `s3`');
  await focusEnd(page, 1, '"s3:GetObjectVersionT');
  await page.keyboard.press('ControlOrMeta+Space');
  const suggestion = page.locator('.suggest-widget .monaco-list-row').first();
  await expect(suggestion).toContainText('s3:GetObjectVersionTagging');
  await page.keyboard.press('Enter');
  await expect.poll(() => policyText(page, 1)).toContain('"Action": "s3:GetObjectVersionTagging"');
});

test('a quick fix corrects the case of an action', async ({ page }) => {
  await page.goto('/playground');
  await appMounted(page);
  await page.getByLabel('Start from').selectOption('empty');
  await page.getByRole('button', { name: 'Identity policy', exact: true }).click();
  await setPolicyText(page, 1, '{\n  "Version": "2012-10-17",\n  "Statement": [{"Effect": "Allow", "Action": "s3:getobject", "Resource": "*"}]\n}');
  await catalogueFinding(page, 'is written `s3:GetObject`');
  await focusEnd(page, 1, '"s3:getob');
  await page.keyboard.press('ControlOrMeta+.');
  const fix = page.locator('.action-widget .monaco-list-row').filter({ hasText: 'Change to `s3:GetObject`' });
  await expect(fix).toBeVisible();
  await fix.click();
  await expect.poll(() => policyText(page, 1)).toContain('"Action": "s3:GetObject"');
});
