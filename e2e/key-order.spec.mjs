// A policy in a lesson is shown as its author wrote it: `Version` before `Statement`, and each
// statement's keys (`Sid`, `Effect`, `Principal`, `Action`, `Resource`, `Condition`) in the
// order of the lesson file, never alphabetised, laid out as the file lays it out.
import { readFileSync } from 'node:fs';
import { appMounted, expect, test } from './fixtures.mjs';
import { scenario, scenarioText } from './learning.helpers.mjs';

const lessonText = (id) => readFileSync(`lessons/${id}/lesson.json`, 'utf8');
const lessonFile = (id) => JSON.parse(lessonText(id));

// Whether `text` is a slice of `file` once its lines after the first get back the indentation
// of the line the policy starts on in the file.
const laidOutAsIn = (file, text) => {
  const lines = text.split('\n');
  for (let indent = 0; indent <= 24; indent += 1) {
    if (file.includes(lines.join(`\n${' '.repeat(indent)}`))) return true;
  }
  return false;
};

// Lessons whose starters have statements with a `Sid`, conditions and principals.
for (const lesson of ['how-aws-decides', 'trust-vs-permissions', 'conditions']) {
  test(`${lesson}: every starter keeps the lesson file's key order and layout`, async ({ page }) => {
    const { scenarios } = lessonFile(lesson);
    const file = lessonText(lesson);
    await page.goto(`/lessons/${lesson}`);
    await appMounted(page);
    const sections = page.locator('section.scenario');
    await expect(sections).toHaveCount(scenarios.length);
    for (const { id, starter } of scenarios) {
      await scenario(page, id);
      const text = await scenarioText(page, id);
      // JavaScript keeps an object's string keys in the order the file gives them.
      expect(JSON.stringify(JSON.parse(text), null, 2)).toBe(JSON.stringify(starter, null, 2));
      expect(laidOutAsIn(file, text), text).toBe(true);
    }
  });
}

test('a scenario editor starts with `{` and then `"Version"`', async ({ page }) => {
  await page.goto('/lessons/how-aws-decides/fix-subtract-with-deny');
  const section = await scenario(page, 'fix-subtract-with-deny');
  const text = await scenarioText(page, await section.getAttribute('id'));
  expect(text).toMatch(/^\{\s*"Version"/);
  expect(text.indexOf('"Version"')).toBeLessThan(text.indexOf('"Statement"'));
});
