// The service worker that lets IAM Playground work offline. scripts/offline.mjs writes it into the
// build as `sw.js`, after these constants:
//   RETIRE            true in a development build (`trunk serve`): remove every cache and this worker
//   RELEASE           the hash of every file below; the cache's name
//   FILES             the files of this release, relative to the site's root
//   CONTENT_ADDRESSED which of those names carry their content's hash
// It only ever fetches files of this site, and only the ones the page or this list asks for.

const PREFIX = 'iamplay-';
const CACHE = `${PREFIX}${RELEASE}`;
const ROOT = self.registration.scope;
const INDEX = new URL('index.html', ROOT).href;
const SELF = new URL('sw.js', ROOT).href;

const relativePath = (url) => url.slice(ROOT.length);
const ourCaches = async () => (await caches.keys()).filter((name) => name.startsWith(PREFIX));

async function precache() {
  const cache = await caches.open(CACHE);
  const older = await Promise.all(
    (await ourCaches()).filter((name) => name !== CACHE).map((name) => caches.open(name)),
  );
  await Promise.all(
    FILES.map(async (path) => {
      const url = new URL(path, ROOT).href;
      if (await cache.match(url)) return;
      // A name that carries its content's hash is the same file in any release: no download.
      if (CONTENT_ADDRESSED.test(path)) {
        for (const old of older) {
          const kept = await old.match(url);
          if (kept) return cache.put(url, kept);
        }
      }
      const response = await fetch(url, { cache: 'no-cache' });
      if (!response.ok) throw new Error(`could not fetch \`${path}\` (HTTP ${response.status})`);
      await cache.put(url, response);
    }),
  );
}

self.addEventListener('install', (event) => {
  // A new release takes over at once; an open page keeps the files it already has, and the next
  // load is the new release.
  event.waitUntil((RETIRE ? Promise.resolve() : precache()).then(() => self.skipWaiting()));
});

async function retire() {
  await self.clients.claim();
  await Promise.all((await ourCaches()).map((name) => caches.delete(name)));
  await self.registration.unregister();
  // Load the open pages again, from the network this time.
  for (const client of await self.clients.matchAll({ type: 'window' })) client.navigate(client.url);
}

async function activate() {
  // Keep this release and the one before it: a page of that one may still be open and ask for
  // a file it has not loaded yet while offline.
  const older = (await ourCaches()).filter((name) => name !== CACHE);
  await Promise.all(older.slice(0, -1).map((name) => caches.delete(name)));
  await self.clients.claim();
}

self.addEventListener('activate', (event) => {
  event.waitUntil(RETIRE ? retire() : activate());
});

async function respond(request) {
  const url = request.url.split('#')[0];
  const path = relativePath(url.split('?')[0]);
  // Every page of the app is index.html, as on the server: a path without a file extension.
  const page = request.mode === 'navigate' && !/\.[a-z0-9]+$/i.test(path);
  const cache = await caches.open(CACHE);
  const kept = await cache.match(page ? INDEX : request);
  if (kept) return kept;
  try {
    const response = await fetch(request);
    // A Monaco file the list missed is kept too, as long as its name says what it holds.
    if (response.ok && CONTENT_ADDRESSED.test(path)) await cache.put(request, response.clone());
    return response;
  } catch (error) {
    // Offline, and not a file of this release: a page of the release before may still be open.
    const older = await caches.match(page ? INDEX : request);
    if (older) return older;
    throw error;
  }
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (RETIRE || request.method !== 'GET' || !request.url.startsWith(ROOT) || request.url === SELF) return;
  event.respondWith(respond(request));
});
