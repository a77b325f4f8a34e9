// A share link can carry any setup into the playground, which evaluates on every keystroke:
// a crafted link with pathological policies and requests must leave the page responsive.
import { deflateRawSync } from 'node:zlib';
import { appMounted, expect, test } from './fixtures.mjs';

/** A share link fragment for `playground`, in the format of app/src/share/codec.rs. */
function shareFragment(playground) {
  const shared = { engine: '0.1.0', content: { type: 'playground', ...playground } };
  const packed = deflateRawSync(Buffer.from(JSON.stringify(shared)), { level: 9 });
  return `#share=1.${packed.toString('base64url')}`;
}

function pathological() {
  // 6,000 wildcard patterns (64 KB) under ForAllValues, 120 requests each with a 4 KB list of
  // tag keys and a 2 KB resource, a 60 KB wildcard pattern, and 300 statements in an SCP: about
  // 0.9 MB unpacked, just under the share link's 1 MB limit.
  const patterns = Array.from({ length: 6_000 }, (_, i) => `p${i}-*`);
  const manyPatterns = {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*',
      Condition: { 'ForAllValues:StringLike': { 'aws:TagKeys': patterns } } }],
  };
  const hugeWildcard = {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Deny', Action: 's3:GetObject', Resource: `arn:aws:s3:::raw-data/*${'a'.repeat(60_000)}b*` }],
  };
  const scp = {
    Version: '2012-10-17',
    Statement: Array.from({ length: 300 }, (_, i) => ({ Sid: `S${i}`, Effect: 'Allow', Action: [`s3:Get*`, `svc${i}:*`], Resource: '*' })),
  };
  const tags = Array.from({ length: 500 }, (_, i) => `p${(i * 7) % 6_000}-x`).join(',').slice(0, 4_000).replace(/,[^,]*$/, '');
  const requests = Array.from({ length: 120 }, (_, i) => ({
    id: 100 + i,
    principal: 'arn:aws:iam::111122223333:user/alice',
    action: 's3:GetObject',
    resource: `arn:aws:s3:::raw-data/${'a'.repeat(2_000)}`,
    resourceAccount: '',
    context: [{ key: 'aws:TagKeys', valueType: 'list', value: tags }],
    expect: 'allowed',
  }));
  return {
    policies: [
      { id: 1, kind: 'identity', name: 'many patterns', text: JSON.stringify(manyPatterns), enabled: true, level: 0 },
      { id: 2, kind: 'identity', name: 'huge wildcard', text: JSON.stringify(hugeWildcard), enabled: true, level: 0 },
      { id: 3, kind: 'scp', name: 'many statements', text: JSON.stringify(scp), enabled: true, level: 0 },
    ],
    requests,
  };
}

test('a pathological share link opens, and the page still answers typing', async ({ page }) => {
  const fragment = shareFragment(pathological());
  expect(fragment.length).toBeLessThan(64 * 1024);
  await page.goto(`/playground${fragment}`);
  await appMounted(page);
  await expect(page.getByTestId('share-error')).toHaveCount(0);
  const summary = page.getByTestId('request-summary');
  await expect(summary).toHaveText('120 requests · 120 as expected · 0 not');

  // Typing into an editor re-evaluates every request, within the usual wait.
  const editor = page.locator('[data-policy-id="1"] .monaco-editor .view-lines');
  await expect(editor).toBeVisible();
  await editor.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('x');
  await expect(summary).toHaveText('120 requests · 0 as expected · 120 not');
  await page.keyboard.press('Backspace');
  await expect(summary).toHaveText('120 requests · 120 as expected · 0 not');
  const ms = Number(await page.getByTestId('eval-time').getAttribute('data-ms'));
  expect(Number.isFinite(ms)).toBe(true);
});
