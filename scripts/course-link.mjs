// Trunk post_build step (run by scripts/post-build.mjs): points the course preload link of the
// built index.html at the bundle scripts/course-bundle.mjs wrote. The app reads the same link to
// find the file, so the page starts the download before the wasm runs, and the app and its
// course always come from the same build.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const PLACEHOLDER = 'COURSE_BUNDLE';
const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error('course-link: TRUNK_STAGING_DIR is not set; run this as a Trunk post_build hook');
  process.exit(1);
}

const bundles = readdirSync(staging).filter((name) => /^course-[0-9a-f]{16}\.json$/.test(name));
if (bundles.length !== 1) {
  console.error(`course-link: expected one course bundle in ${staging}, found ${bundles.length}`);
  process.exit(1);
}
const file = join(staging, 'index.html');
const html = readFileSync(file, 'utf8');
if (!html.includes(`href="${PLACEHOLDER}"`)) {
  console.error(`course-link: ${file} has no <link ... href="${PLACEHOLDER}"> for the course`);
  process.exit(1);
}
const publicUrl = process.env.TRUNK_PUBLIC_URL ?? '/';
const href = `${publicUrl.endsWith('/') ? publicUrl : `${publicUrl}/`}${bundles[0]}`;
writeFileSync(file, html.replace(`href="${PLACEHOLDER}"`, `href="${href}"`));
console.log(`course-link: ${href}`);
