// Trunk post_build hook: replaces INLINE_SCRIPT_HASHES in the Content-Security-Policy of the
// built index.html with the SHA-256 of every inline <script> Trunk wrote (its wasm loader, and
// the live-reload client under `trunk serve`). A static host cannot hand out nonces, so hashes
// are how the policy allows exactly these scripts and no other inline script.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const PLACEHOLDER = 'INLINE_SCRIPT_HASHES';
const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error('csp-hashes: TRUNK_STAGING_DIR is not set; run this as a Trunk post_build hook');
  process.exit(1);
}

const file = join(staging, 'index.html');
// Under `trunk serve`, Trunk fills two placeholders of its live-reload client per request, from
// the request's Host header, which would change the script's hash. Fill them here, the way Trunk
// does when it has no Host, so the script is the same for every request and its hash holds.
const publicUrl = process.env.TRUNK_PUBLIC_URL ?? '/';
const html = readFileSync(file, 'utf8')
  .replaceAll("'{{__TRUNK_ADDRESS__}}'", 'window.location.host')
  .replaceAll('`{{__TRUNK_ADDRESS__}}`', 'window.location.host')
  .replaceAll('{{__TRUNK_WS_BASE__}}', publicUrl.endsWith('/') ? publicUrl : `${publicUrl}/`);
if (!html.includes(PLACEHOLDER)) {
  console.error(`csp-hashes: ${file} has no ${PLACEHOLDER} in its Content-Security-Policy`);
  process.exit(1);
}

const inlineScripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)].filter(
  ([, attributes]) => !/\bsrc\s*=/i.test(attributes),
);
const hashes = inlineScripts.map(
  ([, , body]) => `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`,
);
writeFileSync(file, html.replace(PLACEHOLDER, hashes.join(' ')));
console.log(`csp-hashes: allowed ${hashes.length} inline script(s)`);
