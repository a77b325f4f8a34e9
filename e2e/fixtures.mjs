// Shared test setup: every test fails if the page logs a console error, throws, or fails to
// fetch one of the site's own files.
import { test as base, expect } from '@playwright/test';

export const test = base.extend({
  problems: [
    async ({ page }, use) => {
      const problems = [];
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('requestfailed', (request) => {
        // Leaving a page cancels what it was still fetching (Monaco loads lazily): not a fault.
        if (request.failure()?.errorText === 'net::ERR_ABORTED') return;
        problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`);
      });
      await use(problems);
      expect(problems, 'the page reported errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Waits until the app has mounted (the header is rendered by Rust, not by index.html). */
export async function appMounted(page) {
  await expect(page.locator('header.site-header')).toBeVisible();
}

/** The markers the Rust side set in Monaco, as plain objects. */
export function rustMarkers(page) {
  return page.evaluate(() =>
    globalThis.monaco.editor
      .getModelMarkers({ owner: 'iamplay' })
      .map(({ startLineNumber, startColumn, endColumn, message, severity }) => ({
        startLineNumber,
        startColumn,
        endColumn,
        message,
        severity,
      })),
  );
}

/** The text Monaco holds. */
export function editorText(page) {
  return page.evaluate(() => globalThis.monaco.editor.getModels()[0].getValue());
}
