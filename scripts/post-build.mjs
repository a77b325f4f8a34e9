// Trunk post_build hook. Trunk starts the hooks of one stage at the same time, and both steps
// rewrite index.html, so this one hook runs them in order.
await import('./course-link.mjs');
await import('./csp-hashes.mjs');
