// Helpers for the playground, share, interview and editor specs.
import { expect } from './fixtures.mjs';

const AXE = new URL('../node_modules/axe-core/axe.min.js', import.meta.url).pathname;

/** Runs axe-core on the page and fails on any serious or critical violation. */
export async function expectAccessible(page) {
  // The page's CSP forbids inline scripts; these specs run with `bypassCSP` to inject axe.
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    // Monaco paints syntax tokens in its own theme's colours, which axe measures against the
    // page (its code and its line numbers): those are Monaco's to fix, and the editor is
    // checked by its own role and label.
    const result = await globalThis.axe.run(
      { exclude: [['.monaco-editor .view-lines'], ['.monaco-editor .margin']] },
      { resultTypes: ['violations'] },
    );
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  });
  expect(violations).toEqual([]);
}

/** Waits until Monaco, which loads lazily, has drawn the editor of `policyId`. */
async function policyEditorMounted(page, policyId) {
  await expect(page.locator(`[data-policy-id="${policyId}"] .monaco-editor .view-lines`)).toBeVisible();
}

/** Replaces the text of the policy editor of the playground policy `policyId`. */
export async function setPolicyText(page, policyId, text) {
  await policyEditorMounted(page, policyId);
  await page.evaluate(
    ({ policyId, text }) => {
      const editor = globalThis.monaco.editor
        .getEditors()
        .find((e) => e.getContainerDomNode().closest(`[data-policy-id="${policyId}"]`));
      editor.getModel().setValue(text);
    },
    { policyId, text },
  );
}

/** The text of the policy editor of `policyId`. */
export async function policyText(page, policyId) {
  await policyEditorMounted(page, policyId);
  return page.evaluate((policyId) => {
    const editor = globalThis.monaco.editor
      .getEditors()
      .find((e) => e.getContainerDomNode().closest(`[data-policy-id="${policyId}"]`));
    return editor.getModel().getValue();
  }, policyId);
}
