import { readFileSync } from 'node:fs';
// Helpers for the learning-loop specs: a scenario's editor, its text and markers.
import { expect } from './fixtures.mjs';

/**
 * Scrolls to the scenario as a learner would (its editor is created when it comes near),
 * waits for its Monaco editor and returns the scenario section.
 */
export async function scenario(page, id) {
  const section = page.locator(`section.scenario[id="${id}"]`);
  await section.locator('.editor-frame').scrollIntoViewIfNeeded();
  await expect(section.locator('.editor-frame[data-ready="true"]')).toBeVisible();
  return section;
}

/** Replaces the scenario editor's text the way a learner does: select all, then type. */
export async function typeInto(page, section, text) {
  await section.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
}

function editorIn(page, id, body) {
  return page.evaluate(
    ([scenarioId, fn]) => {
      const section = document.getElementById(scenarioId);
      const editor = globalThis.monaco.editor
        .getEditors()
        .find((e) => section.contains(e.getContainerDomNode()));
      return new Function('editor', fn)(editor);
    },
    [id, body],
  );
}

export const scenarioText = (page, id) => editorIn(page, id, 'return editor.getModel().getValue();');

export const scenarioMarkers = (page, id) =>
  editorIn(
    page,
    id,
    `return globalThis.monaco.editor.getModelMarkers({ owner: 'iamplay', resource: editor.getModel().uri })
      .map(({ startLineNumber, startColumn, message, severity }) => ({ startLineNumber, startColumn, message, severity }));`,
  );

export const cursorPosition = (page, id) => editorIn(page, id, 'return editor.getPosition();');

/** Runs axe-core in the page, or only in the element `within` selects, and returns the serious
 * and critical violations. */
export async function seriousViolations(page, within) {
  // Evaluated rather than added as a <script>: the site's Content-Security-Policy rightly
  // refuses inline scripts.
  await page.evaluate(readFileSync('node_modules/axe-core/axe.min.js', 'utf8'));
  const result = await page.evaluate(
    (selector) => globalThis.axe.run(selector ? document.querySelector(selector) : document, { resultTypes: ['violations'] }),
    within,
  );
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}
