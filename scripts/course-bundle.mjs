// Trunk pre_build hook: checks the course in lessons/ and writes the app's course bundle into the
// staging folder as `course-<hash>.json` (scripts/course-link.mjs then names it in index.html).
// The name changes with the content, so a browser or CDN may cache the file forever and a new
// app never reads an old course. A course with problems stops the build, problems printed.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error('course-bundle: TRUNK_STAGING_DIR is not set; run this as a Trunk pre_build hook');
  process.exit(1);
}

const written = join(staging, 'course.json');
// `--frozen`: the build never downloads; `make setup` fetches the crates beforehand.
const cargo = process.env.CARGO ?? 'cargo';
const run = spawnSync(
  cargo,
  ['run', '--frozen', '--quiet', '-p', 'iamplay', '--', 'lessons', 'bundle', 'lessons', '--out', written],
  { stdio: 'inherit' },
);
if (run.error) {
  console.error(`course-bundle: cannot run \`${cargo}\`: ${run.error.message}`);
  process.exit(1);
}
if (run.status !== 0) {
  console.error('course-bundle: no course bundle; fix the problems above (or run `make setup` if crates are missing)');
  process.exit(run.status ?? 1);
}

const hash = createHash('sha256').update(readFileSync(written)).digest('hex').slice(0, 16);
const name = `course-${hash}.json`;
renameSync(written, join(staging, name));
console.log(`course-bundle: ${name}`);
