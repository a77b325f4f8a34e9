// Trunk post_build step (run by scripts/post-build.mjs after course-link.mjs, before
// csp-hashes.mjs): makes the site work offline after a first visit.
//
// 1. Names every file the app fetches by its content: the action catalogue becomes
//    `catalog-<hash>.json`, Monaco's folder `vs-<hash>/` and the on-demand wasm modules
//    `<module>-<hash>.js` (Trunk already hashes the first-load wasm, its JavaScript and the
//    stylesheets; scripts/course-bundle.mjs the course). index.html tells the app the names in
//    <meta> elements. A cache may then keep such a file for good.
// 2. Writes `sw.js`, the service worker (public/service-worker.js), with the list of files to
//    cache: the app, the course, the catalogue and the Monaco files an editor needs
//    (scripts/offline-monaco.txt). The release is the hash of all of them; a new release is a new
//    sw.js, which the browser picks up by itself.
//
// Under `trunk serve` (Trunk's live-reload client is in the page) there is no release: sw.js then
// retires any service worker a release build left on the same address, so live reload always
// shows the files just built.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error('offline: TRUNK_STAGING_DIR is not set; run this as a Trunk post_build hook');
  process.exit(1);
}
const fail = (message) => {
  console.error(`offline: ${message}`);
  process.exit(1);
};
const publicUrl = (() => {
  const url = process.env.TRUNK_PUBLIC_URL ?? '/';
  return url.endsWith('/') ? url : `${url}/`;
})();
const PLACEHOLDERS = { release: 'RELEASE_ID', catalog: 'CATALOG_FILE', monaco: 'MONACO_BASE', playground: 'PLAYGROUND_MODULE', tools: 'TOOLS_MODULE', build: 'BUILD_MODULE' };
// The wasm modules the app imports on demand, by the placeholder of their name in index.html.
const ON_DEMAND = {
  'iamplay-playground': PLACEHOLDERS.playground,
  'iamplay-tools': PLACEHOLDERS.tools,
  'iamplay-build': PLACEHOLDERS.build,
};
const CONTENT_ADDRESSED = /(^vs-[0-9a-f]{16}\/)|(-[0-9a-f]{16}(_bg)?\.[a-z]+$)/;

const sha256 = () => createHash('sha256');
const short = (hash) => hash.digest('hex').slice(0, 16);

/** Every file under `dir`, as paths relative to the staging folder with `/`, sorted. */
function filesUnder(dir) {
  const found = [];
  const walk = (current) => {
    for (const name of readdirSync(current)) {
      const path = join(current, name);
      if (statSync(path).isDirectory()) walk(path);
      else found.push(relative(staging, path).split(sep).join('/'));
    }
  };
  walk(dir);
  return found.sort();
}

function hashOfFiles(paths) {
  const hash = sha256();
  for (const path of paths) {
    hash.update(`${path}\0`);
    hash.update(readFileSync(join(staging, path)));
    hash.update('\0');
  }
  return hash;
}

const indexFile = join(staging, 'index.html');
let html = readFileSync(indexFile, 'utf8');
for (const placeholder of Object.values(PLACEHOLDERS)) {
  if (!html.includes(`content="${placeholder}"`)) fail(`${indexFile} has no <meta ... content="${placeholder}">`);
}

// 1. Content-addressed names.
const catalogPath = join(staging, 'catalog.json');
if (!existsSync(catalogPath)) fail(`${catalogPath} is missing (index.html copies engine/data/catalog.json)`);
const catalog = `catalog-${short(sha256().update(readFileSync(catalogPath)))}.json`;
renameSync(catalogPath, join(staging, catalog));

const monacoDir = join(staging, 'vs');
if (!existsSync(monacoDir)) fail(`${monacoDir} is missing (index.html copies Monaco's min/vs)`);
const monaco = `vs-${short(hashOfFiles(filesUnder(monacoDir)))}`;
renameSync(monacoDir, join(staging, monaco));

// The on-demand modules: Trunk leaves a "worker" binary unhashed, so name its wasm by its
// content, point the module's loader at that name, then name the module by its own content.
function nameByContent(module) {
  const js = join(staging, `${module}.js`);
  const wasm = join(staging, `${module}_bg.wasm`);
  if (!existsSync(js) || !existsSync(wasm)) fail(`${js} or its wasm is missing (index.html builds it)`);
  const wasmName = `${module}-${short(sha256().update(readFileSync(wasm)))}_bg.wasm`;
  renameSync(wasm, join(staging, wasmName));
  const loader = readFileSync(js, 'utf8');
  if (!loader.includes(`'${module}_bg.wasm'`)) fail(`${js} does not name ${module}_bg.wasm`);
  const loaderText = loader.replace(`'${module}_bg.wasm'`, `'${wasmName}'`);
  const jsName = `${module}-${short(sha256().update(loaderText))}.js`;
  writeFileSync(join(staging, jsName), loaderText);
  rmSync(js);
  return jsName;
}
const onDemand = Object.entries(ON_DEMAND).map(([module, placeholder]) => [placeholder, nameByContent(module)]);

for (const [placeholder, name] of onDemand) html = html.replace(`content="${placeholder}"`, `content="${publicUrl}${name}"`);
html = html
  .replace(`content="${PLACEHOLDERS.catalog}"`, `content="${publicUrl}${catalog}"`)
  .replace(`content="${PLACEHOLDERS.monaco}"`, `content="${publicUrl}${monaco}"`);

// 2. The service worker.
const serving = html.includes('{{__TRUNK_ADDRESS__}}');
const worker = readFileSync(new URL('../public/service-worker.js', import.meta.url), 'utf8');
let release = '';
if (serving) {
  const constants = ['const RETIRE = true;', "const RELEASE = '';", 'const FILES = [];', `const CONTENT_ADDRESSED = ${CONTENT_ADDRESSED};`];
  writeFileSync(join(staging, 'sw.js'), `${constants.join('\n')}\n${worker}`);
  console.log('offline: development build, sw.js retires any service worker');
} else {
  const monacoFiles = readFileSync(new URL('offline-monaco.txt', import.meta.url), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
  for (const file of monacoFiles) {
    if (!existsSync(join(staging, monaco, file))) {
      fail(`Monaco has no \`${file}\` (listed in scripts/offline-monaco.txt); a new monaco-editor needs a new list`);
    }
  }
  const appFiles = readdirSync(staging)
    .filter((name) => name !== 'index.html' && statSync(join(staging, name)).isFile())
    .concat(existsSync(join(staging, 'snippets')) ? filesUnder(join(staging, 'snippets')) : []);
  const files = [...appFiles, ...monacoFiles.map((file) => `${monaco}/${file}`)].sort();
  release = short(hashOfFiles(files).update(html));
  const constants = [
    'const RETIRE = false;',
    `const RELEASE = ${JSON.stringify(release)};`,
    `const FILES = ${JSON.stringify(['index.html', ...files], null, 1)};`,
    `const CONTENT_ADDRESSED = ${CONTENT_ADDRESSED};`,
  ];
  writeFileSync(join(staging, 'sw.js'), `${constants.join('\n')}\n${worker}`);
  console.log(`offline: release ${release}, ${files.length + 1} files to keep`);
}
html = html.replace(`content="${PLACEHOLDERS.release}"`, `content="${release}"`);
writeFileSync(indexFile, html);
