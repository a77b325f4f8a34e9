// Offline use: registers the service worker the build writes (`sw.js`, see
// public/service-worker.js) and tells the app about new releases. Rust binds this in
// app/src/interop/offline.rs.

// The release this browser last opened, to say so once when a newer one opens.
const SEEN_RELEASE_KEY = 'iamplay.release';

/**
 * Starts offline use; `onNotice` hears `"updated"` when this load is a newer release than the
 * last one this browser opened, and `"ready"` when a newer release has just been stored for the
 * next load.
 */
export function startOffline(onNotice) {
  const release = document.querySelector('meta[name="iamplay-release"]')?.content ?? '';
  const workers = globalThis.navigator?.serviceWorker;
  if (!/^[0-9a-f]{16}$/.test(release)) {
    // A development build (`trunk serve`): nothing may stand between the page and the files just
    // built, so a service worker left by a release build on this address goes.
    workers
      ?.getRegistrations()
      .then((registrations) => registrations.forEach((registration) => registration.unregister()))
      .catch(() => {});
    return;
  }
  let seen = null;
  try {
    seen = localStorage.getItem(SEEN_RELEASE_KEY);
    localStorage.setItem(SEEN_RELEASE_KEY, release);
  } catch {
    // Storage is off: the site works, without the notice.
  }
  if (seen && seen !== release) onNotice('updated');
  if (!workers) return;
  // A page a service worker served sees another take over only when a new release was stored.
  if (workers.controller) workers.addEventListener('controllerchange', () => onNotice('ready'), { once: true });
  // Beside the app's files at the site's root: Trunk serves this module from `snippets/<crate>/js/`.
  const root = new URL('../../../', import.meta.url);
  workers.register(new URL('sw.js', root), { scope: root.pathname }).catch((error) => {
    console.error(`IAM Playground will not work offline: ${error?.message ?? error}`);
  });
}
