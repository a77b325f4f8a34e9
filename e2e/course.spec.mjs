// The course is a separate file the app downloads (index.html names it in a preload link).
import { readFileSync } from 'node:fs';
import { appMounted, expect, test } from './fixtures.mjs';
import { scenario, scenarioText, typeInto } from './learning.helpers.mjs';

const lesson = JSON.parse(
  readFileSync(new URL('../lessons/what-iam-answers/lesson.json', import.meta.url), 'utf8'),
);
const target = lesson.scenarios[0];
const COURSE_FILE = /\/course-[0-9a-f]{16}\.json$/;

test('the course downloads once, from the preload, and every page shares it', async ({ page }) => {
  const requests = [];
  page.on('request', (request) => COURSE_FILE.test(request.url()) && requests.push(request.url()));
  await page.goto('/lessons');
  await expect(page.locator('.lesson-list li').first()).toBeVisible();
  await page.getByRole('link', { name: 'Interview', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Interview checkpoint');
  await page.getByRole('link', { name: 'Progress', exact: true }).click();
  await expect(page.locator('.progress-table tbody tr')).not.toHaveCount(0);
  expect(requests).toHaveLength(1);
});

test('a failed course download says so, and Try again recovers on the same deep link', async ({ page, problems }) => {
  // Saved text must come back once the course arrives.
  await page.goto(`/lessons/${lesson.id}/${target.id}`);
  const typed = '{"Version": "2012-10-17", "Statement": []}';
  await typeInto(page, await scenario(page, target.id), typed);

  let failing = true;
  await page.route(COURSE_FILE, (route) =>
    failing ? route.fulfill({ status: 503, body: 'unavailable' }) : route.continue(),
  );
  await page.reload();
  await appMounted(page);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('The course could not be loaded');
  await expect(alert).toContainText('HTTP 503');
  await expect(alert).toContainText('try again');
  await expect(page.getByText('Lesson not found')).toHaveCount(0);

  failing = false;
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(lesson.title);
  const section = await scenario(page, target.id);
  await expect(section).toBeFocused();
  expect(await scenarioText(page, target.id)).toBe(typed);
  await expect(page.getByRole('alert').filter({ hasText: 'could not be loaded' })).toHaveCount(0);

  // The refused downloads are the test's doing; anything else is still a failure.
  const expected = (problem) =>
    (problem.startsWith('503 for ') && COURSE_FILE.test(problem.slice(8))) ||
    /^console error: Failed to load resource: the server responded with a status of 503\b/.test(problem);
  expect(problems.filter(expected)).not.toHaveLength(0);
  problems.splice(0, problems.length, ...problems.filter((problem) => !expected(problem)));
});

/** Holds the course download back until the returned function is called. */
async function holdCourse(page) {
  let release;
  const held = new Promise((resolve) => {
    release = resolve;
  });
  await page.route(COURSE_FILE, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

test('a lesson shows a loading state, never "not found", while the course downloads', async ({ page }) => {
  const release = await holdCourse(page);
  await page.goto(`/lessons/${lesson.id}`);
  await appMounted(page);
  await expect(page.getByRole('status').filter({ hasText: 'Loading the course' })).toBeVisible();
  await expect(page.getByText('Lesson not found')).toHaveCount(0);
  await expect(page).toHaveTitle('Loading the course · IAM Playground');
  release();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(lesson.title);
  await expect(page.getByText('Loading the course')).toHaveCount(0);
  await expect(page).toHaveTitle(`${lesson.title} · IAM Playground`);
});

test('the lesson list names itself in the tab once the course is in', async ({ page }) => {
  const release = await holdCourse(page);
  await page.goto('/lessons');
  await appMounted(page);
  await expect(page).toHaveTitle('Loading the course · IAM Playground');
  release();
  await expect(page.locator('.lesson-list')).toBeVisible();
  await expect(page).toHaveTitle('Lessons · IAM Playground');
});
