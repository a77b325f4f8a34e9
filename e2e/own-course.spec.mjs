// A trainer's own course: loaded from a file on /course, checked on load, run with its own
// progress in place of the built-in course across a reload, and switched back; broken files
// get a clear reason and leave the built-in course as it was.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from './fixtures.mjs';
import { scenario, typeInto } from './learning.helpers.mjs';

const DIST = fileURLToPath(new URL('../dist/', import.meta.url));
const BUILT_IN = JSON.parse(
  readFileSync(DIST + readdirSync(DIST).find((name) => /^course-.*\.json$/.test(name)), 'utf8'),
);

/** The built-in bundle as a trainer's course of its own: another title, another first lesson title. */
function ownCourse(change = () => {}) {
  const bundle = structuredClone(BUILT_IN);
  bundle.course.manifest.title = 'Cloud security class, spring term';
  bundle.course.lessons[0].manifest.title = 'Welcome to our class';
  change(bundle);
  return JSON.stringify(bundle);
}

const file = (text, name = 'my-course.json') => ({
  name,
  mimeType: 'application/json',
  buffer: Buffer.from(text),
});

async function load(page, text, name) {
  await page.goto('/course');
  await expect(page.getByRole('heading', { level: 1, name: 'Run your own course' })).toBeVisible();
  await page.getByLabel('Course file (JSON').setInputFiles(file(text, name));
}

test('an own course runs with its own progress, survives a reload and switches back', async ({ page }) => {
  const builtInTitle = BUILT_IN.course.manifest.title;
  const [lesson] = BUILT_IN.course.lessons;
  const firstStatus = page.locator('.lesson-list li').first().locator('.lesson-status');
  // Work in the built-in course: a draft of its first scenario puts its first lesson in progress.
  await page.goto('/lessons');
  await page.evaluate(
    ([key]) => localStorage.setItem(key, '{"Version": "2012-10-17"}'),
    [`iamplay.draft.${lesson.manifest.id}/${lesson.manifest.scenarios[0].id}`],
  );
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(builtInTitle);
  await expect(firstStatus).toHaveText('In progress');
  await page.getByRole('link', { name: 'Run your own course from a file' }).click();

  await page.getByLabel('Course file (JSON').setInputFiles(file(ownCourse()));
  await expect(page).toHaveURL(/\/lessons$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cloud security class, spring term');
  await expect(page.getByRole('link', { name: 'Welcome to our class' })).toBeVisible();
  const banner = page.getByRole('status').filter({ hasText: 'your own course' });
  await expect(banner).toContainText('Cloud security class, spring term');
  // Its progress is its own: the built-in course's draft does not count here.
  await expect(firstStatus).toHaveText('Not started');

  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cloud security class, spring term');
  await page.getByRole('button', { name: 'Switch back to the built-in course' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(builtInTitle);
  await expect(page.getByRole('button', { name: 'Switch back to the built-in course' })).toHaveCount(0);
  await expect(firstStatus).toHaveText('In progress');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(builtInTitle);
  await expect(firstStatus).toHaveText('In progress');
});

test('broken course files are refused with the reason and change nothing', async ({ page }) => {
  const builtInTitle = BUILT_IN.course.manifest.title;
  const alert = page.getByRole('alert');

  await load(page, ownCourse().slice(0, 200), 'cut.json');
  await expect(alert).toContainText('The course was not loaded');
  await expect(alert).toContainText(/line 1 column \d+/);

  await load(page, ownCourse((bundle) => (bundle.format = 99)));
  await expect(alert).toContainText('format 99');

  await load(page, ownCourse((bundle) => delete bundle.course.manifest.lessons));
  await expect(alert).toContainText('missing field `lessons`');

  const [lesson] = BUILT_IN.course.lessons;
  const [scenario] = lesson.manifest.scenarios;
  await load(page, ownCourse((bundle) => {
    const broken = bundle.course.lessons[0].manifest.scenarios[0];
    broken.answer = broken.starter;
  }));
  await expect(alert).toContainText(`lesson \`${lesson.manifest.id}\`, scenario \`${scenario.id}\``);

  await page.goto('/lessons');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(builtInTitle);
  await expect(page.getByRole('button', { name: 'Switch back to the built-in course' })).toHaveCount(0);
});

test('a stored course that no longer opens gives way to the built-in course with a notice', async ({ page }) => {
  await page.goto('/lessons');
  await page.evaluate(() => {
    localStorage.setItem('iamplay.course.own', '{"format": 99, "course": {}}');
    localStorage.setItem('iamplay.course.namespace', 'iamplay.course.0123456789abcdef.');
  });
  await page.reload();
  await expect(page.getByRole('alert')).toContainText('Your own course could not be opened again');
  await expect(page.getByRole('alert')).toContainText('format 99');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(BUILT_IN.course.manifest.title);
  await page.reload();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test("an own course's findings link to its own lessons, or show their code alone", async ({ page }) => {
  const [lesson] = BUILT_IN.course.lessons;
  const { id } = lesson.manifest;
  const brokenFinding = async () => {
    await page.goto(`/lessons/${id}`);
    const section = await scenario(page, lesson.manifest.scenarios[0].id);
    await typeInto(page, section, '{"Version": "2012-10-17" "Statement": []}');
    const finding = section.locator('.finding').first().locator('.finding-lesson');
    await expect(finding.locator('code')).toHaveText('json-syntax');
    return finding;
  };
  // This course teaches JSON syntax in its first lesson instead.
  await load(page, ownCourse((bundle) => {
    for (const other of bundle.course.lessons) {
      other.manifest.teaches = (other.manifest.teaches || []).filter((code) => code !== 'json-syntax');
    }
    bundle.course.lessons[0].manifest.teaches = ['json-syntax'];
  }));
  await expect(page).toHaveURL(/\/lessons$/);
  let finding = await brokenFinding();
  await expect(finding.getByRole('link', { name: 'The lesson on this' })).toHaveAttribute('href', `/lessons/${id}`);
  // This one teaches no finding at all.
  await load(page, ownCourse((bundle) => {
    for (const other of bundle.course.lessons) other.manifest.teaches = [];
  }));
  await expect(page).toHaveURL(/\/lessons$/);
  finding = await brokenFinding();
  await expect(finding.getByRole('link')).toHaveCount(0);
});

test("the playground's denial reading links a lesson only when the course being run has it", async ({ page }) => {
  const BOUNDARY =
    'User: arn:aws:iam::111122223333:user/bob is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::raw-data/a.csv" because no permissions boundary allows the s3:GetObject action';
  const explain = async () => {
    await page.goto('/playground');
    await page.getByText('Debug a denial').click();
    await page.getByLabel('Access-denied message').fill(BOUNDARY);
    await page.getByRole('button', { name: 'Explain the denial' }).click();
    const reading = page.getByTestId('denial-reading');
    await expect(reading).toContainText('blamed on the boundary layer');
    return reading;
  };
  // A course without the built-in lesson on guardrails: no link to a page it does not have.
  await load(page, ownCourse((bundle) => {
    bundle.course.lessons = bundle.course.lessons.filter((l) => l.manifest.id !== 'guardrails-and-auditing');
    bundle.course.manifest.lessons = bundle.course.manifest.lessons.filter((id) => id !== 'guardrails-and-auditing');
  }));
  await expect(page).toHaveURL(/\/lessons$/);
  await expect((await explain()).getByRole('link')).toHaveCount(0);
  // A course that has it links to it.
  await load(page, ownCourse());
  await expect(page).toHaveURL(/\/lessons$/);
  await expect((await explain()).getByRole('link', { name: 'The lesson about it' })).toHaveAttribute(
    'href',
    '/lessons/guardrails-and-auditing',
  );
});
