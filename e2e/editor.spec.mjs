// The editor that knows IAM: a completion accepted and a quick fix applied, in Monaco.
import { appMounted, expect, test } from './fixtures.mjs';
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

test('typing an action offers catalogue completions; Enter accepts one', async ({ page }) => {
  await page.goto('/playground');
  await appMounted(page);
  await page.getByLabel('Start from').selectOption('empty');
  await page.getByRole('button', { name: 'Identity policy', exact: true }).click();
  // Completions need the catalogue; the page says when it is in.
  await setPolicyText(page, 1, '{\n  "Version": "2012-10-17",\n  "Statement": [{"Effect": "Allow", "Action": "s3:GetObjectVersionT", "Resource": "*"}]\n}');
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
  await focusEnd(page, 1, '"s3:getob');
  await page.keyboard.press('ControlOrMeta+.');
  const fix = page.locator('.action-widget .monaco-list-row').filter({ hasText: 'Change to `s3:GetObject`' });
  await expect(fix).toBeVisible();
  await fix.click();
  await expect.poll(() => policyText(page, 1)).toContain('"Action": "s3:GetObject"');
});
