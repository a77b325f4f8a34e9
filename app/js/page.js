// Small page services for the playground and interview pages: the URL fragment, the
// clipboard and a clock. Bound in app/src/interop/page.rs.

export function readHash() {
  return globalThis.location.hash;
}

// Replaces the fragment without a new history entry or a navigation.
export function replaceHash(hash) {
  const url = new URL(globalThis.location.href);
  url.hash = hash;
  globalThis.history.replaceState(globalThis.history.state, '', url);
  return url.href;
}

// The full address of an app path (`/lessons/...#...`) on this site, for links to copy.
export function absoluteUrl(path) {
  return new URL(path, globalThis.location.href).href;
}

// Resolves true when the text reached the clipboard; never rejects (a refused permission is
// not an error of the page).
export async function copyText(text) {
  try {
    await globalThis.navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

export function nowMillis() {
  return performance.now();
}

export function epochMillis() {
  return Date.now();
}

// A Rust panic, reported before the module aborts (release builds otherwise say only
// "unreachable").
export function reportPanic(message) {
  console.error(`iamplay panicked: ${message}`);
}
