// Loads the practice tools' own wasm module (drills, review) the first time one of their pages
// opens. Bound in app/src/interop/tools.rs.

let loading;

// Resolves to the initialised module; a failed load is forgotten so that the next visit retries.
export function loadTools(url) {
  loading ??= import(url)
    .then(async (module) => {
      await module.default();
      return module;
    })
    .catch((error) => {
      loading = undefined;
      throw error;
    });
  return loading;
}

// The module's page for `path`, drawn into `root`; undefined when the module has no such page.
export function mountTool(module, root, path) {
  return module.mount_tool(root, path);
}

// Takes a mounted page down, disposing its reactive state.
export function unmountTool(handle) {
  handle.free();
}
