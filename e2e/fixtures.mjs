// Shared test setup: every test fails if the page logs a console error, throws, or fails to
// fetch a file (an error status, or a request that could not complete).
import { test as base, expect } from '@playwright/test';

export const test = base.extend({
  problems: [
    async ({ page }, use) => {
      const problems = [];
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('response', (response) => {
        if (response.status() >= 400) problems.push(`${response.status()} for ${response.url()}`);
      });
      page.on('requestfailed', (request) => {
        // Leaving a page cancels its pending requests; that is not a fault of the page.
        const reason = request.failure()?.errorText;
        if (reason !== 'net::ERR_ABORTED') problems.push(`request failed: ${request.url()} (${reason})`);
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
