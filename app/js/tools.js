// Loads a wasm module of the pages beside the course (the tools, the builder) the first time
// one of its pages opens. Bound in app/src/interop/tools.rs.

const loading = new Map();

// Resolves to the initialised module; a failed load is forgotten so that the next visit retries.
export function loadTools(url) {
  let module = loading.get(url);
  if (!module) {
    module = import(url).then(async (loaded) => {
      await loaded.default();
      return loaded;
    });
    loading.set(url, module);
    module.catch(() => loading.delete(url));
  }
  return module;
}

// The module's page for `path`, drawn into `root`; undefined when the module has no such page.
export function mountTool(module, root, path) {
  return module.mount_tool(root, path);
}

// Takes a mounted page down, disposing its reactive state.
export function unmountTool(handle) {
  handle.free();
}
