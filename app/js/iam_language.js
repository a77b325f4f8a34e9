// IAM features for Monaco's JSON editors: completions, hovers and quick fixes. The knowledge is
// in Rust (app/src/language/); this file only adapts Monaco's provider interfaces to the three
// callbacks app/src/interop/language.rs passes in, which take (text, utf16Offset...) and answer
// JSON.
import { monacoReady } from './monaco.js';

let registered = false;

function toRange(model, start, end) {
  const from = model.getPositionAt(start);
  const to = model.getPositionAt(end);
  return {
    startLineNumber: from.lineNumber,
    startColumn: from.column,
    endLineNumber: to.lineNumber,
    endColumn: to.column,
  };
}

function completionProvider(monaco, complete) {
  const kinds = monaco.languages.CompletionItemKind;
  const kindOf = {
    property: kinds.Property,
    value: kinds.Value,
    module: kinds.Module,
    function: kinds.Function,
    operator: kinds.Operator,
    variable: kinds.Variable,
    reference: kinds.Reference,
  };
  return {
    triggerCharacters: ['"', ':'],
    provideCompletionItems(model, position) {
      const started = performance.now();
      const answer = JSON.parse(complete(model.getValue(), model.getOffsetAt(position)));
      // A User Timing entry: e2e/perf/ reads it to measure completion latency.
      performance.measure('iamplay:complete', { start: started, end: performance.now() });
      if (!answer) return { suggestions: [] };
      const range = toRange(model, answer.start, answer.end);
      const suggestions = answer.items.map((item, index) => ({
        label: item.label,
        kind: kindOf[item.kind] ?? kinds.Text,
        insertText: item.insert,
        detail: item.detail,
        documentation: item.documentation ? { value: item.documentation } : undefined,
        // Keep Rust's order (exact service first, then by name) over Monaco's fuzzy score.
        sortText: String(index).padStart(4, '0'),
        filterText: item.label,
        range,
      }));
      return { suggestions, incomplete: true };
    },
  };
}

function hoverProvider(hover) {
  return {
    provideHover(model, position) {
      const markdown = hover(model.getValue(), model.getOffsetAt(position));
      if (!markdown) return null;
      return { contents: [{ value: markdown }] };
    },
  };
}

function overlaps(a, b) {
  return !(
    a.endLineNumber < b.startLineNumber ||
    (a.endLineNumber === b.startLineNumber && a.endColumn < b.startColumn) ||
    b.endLineNumber < a.startLineNumber ||
    (b.endLineNumber === a.startLineNumber && b.endColumn < a.startColumn)
  );
}

function codeActionProvider(fixes) {
  return {
    providedCodeActionKinds: ['quickfix'],
    provideCodeActions(model, range, context) {
      const actions = JSON.parse(fixes(model.getValue()))
        .map((fix) => ({ fix, range: toRange(model, fix.start, fix.end) }))
        .filter(({ range: fixRange }) => overlaps(fixRange, range))
        .map(({ fix, range: fixRange }) => ({
          title: fix.title,
          kind: 'quickfix',
          isPreferred: fix.preferred,
          diagnostics: context.markers.filter((m) => overlaps(m, fixRange)),
          edit: {
            edits: [
              {
                resource: model.uri,
                versionId: model.getVersionId(),
                textEdit: { range: fixRange, text: fix.replacement },
              },
            ],
          },
        }));
      return { actions, dispose() {} };
    },
  };
}

// Registers the providers once for every JSON model: all the app's editors hold policies.
export async function registerIamLanguage(complete, hover, fixes) {
  const monaco = await monacoReady();
  if (registered) return;
  registered = true;
  monaco.languages.registerCompletionItemProvider('json', completionProvider(monaco, complete));
  monaco.languages.registerHoverProvider('json', hoverProvider(hover));
  monaco.languages.registerCodeActionProvider('json', codeActionProvider(fixes));
}

// Fetches a text file of the site, e.g. the action catalogue, without blocking the page.
// The site's root: Trunk serves this file from `snippets/<crate>/js/`. Resolving against the
// page's address instead would look for `lessons/<id>/catalog.json` on a scenario's page.
const SITE_ROOT = new URL('../../../', import.meta.url);

// The action catalogue, under the content-hashed name the build writes into index.html
// (scripts/offline.mjs).
export async function fetchCatalog() {
  const path = document.querySelector('meta[name="iamplay-catalog"]')?.content;
  if (!path || path.includes('CATALOG_FILE')) throw 'the page names no action catalogue';
  return fetchText(path);
}

// Both wasm modules of the app (the main one and the practice tools) fetch through here, and
// every file fetched is named by its content, so one download per page load serves both. A
// failed download is forgotten, so that trying again fetches again.
const fetched = new Map();

export function fetchText(path) {
  let text = fetched.get(path);
  if (!text) {
    text = fetch(new URL(path, SITE_ROOT)).then((response) => {
      if (!response.ok) throw `could not fetch \`${path}\` (HTTP ${response.status})`;
      return response.text();
    });
    fetched.set(path, text);
    text.catch(() => fetched.delete(path));
  }
  return text;
}
