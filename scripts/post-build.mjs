// Trunk post_build hook. Trunk starts the hooks of one stage at the same time, and these steps
// all rewrite index.html, so this one hook runs them in order. offline.mjs must come before
// csp-hashes.mjs: it tells a development build by Trunk's live-reload script, whose
// placeholders csp-hashes.mjs fills in.
await import('./course-link.mjs');
await import('./offline.mjs');
await import('./csp-hashes.mjs');
