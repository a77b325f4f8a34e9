// All of the app's hand-written JavaScript: Monaco's AMD build, loaded on first use from the
// `vs/` folder Trunk copies out of node_modules, and a small wrapper around one editor.
// Rust binds these exports in app/src/interop/monaco.rs.

let monacoLoading;

// The build names Monaco's folder by its content (`vs-<hash>`, scripts/offline.mjs) and writes
// that name into index.html.
function monacoBase() {
  const named = document.querySelector('meta[name="iamplay-monaco"]')?.content;
  return named && !named.includes('MONACO_BASE') ? new URL(named, document.baseURI).href.replace(/\/$/, '') : null;
}

function loadMonaco() {
  if (!monacoLoading) {
    const base = monacoBase();
    monacoLoading = new Promise((resolve, reject) => {
      if (!base) {
        reject('could not find `vs/loader.js`: the page names no Monaco folder');
        return;
      }
      const script = document.createElement('script');
      script.src = `${base}/loader.js`;
      script.onerror = () => reject('could not fetch `vs/loader.js`');
      script.onload = () => {
        globalThis.require.config({ paths: { vs: base } });
        globalThis.require(
          ['vs/editor/editor.main'],
          () => resolve(globalThis.monaco),
          (err) => reject(String(err?.message ?? err)),
        );
      };
      document.head.append(script);
    });
    // A failed load may be retried by the next editor.
    monacoLoading.catch(() => {
      monacoLoading = undefined;
    });
  }
  return monacoLoading;
}

const SEVERITY = { error: 'Error', warning: 'Warning', info: 'Info', hint: 'Hint' };

const MARKER_FIELDS = ['startLineNumber', 'startColumn', 'endLineNumber', 'endColumn', 'severity', 'message', 'source'];

function sameMarkers(current, wanted) {
  return current.length === wanted.length && current.every((m, i) => MARKER_FIELDS.every((f) => m[f] === wanted[i][f]));
}

function earlier(a, b) {
  return a.lineNumber < b.lineNumber || (a.lineNumber === b.lineNumber && a.column < b.column);
}

// Whether a marker ends before a position (`null`: no edit).
function before(marker, position) {
  return position === null || earlier({ lineNumber: marker.endLineNumber, column: marker.endColumn }, position);
}

const darkScheme = globalThis.matchMedia?.('(prefers-color-scheme: dark)');
let modelCount = 0;

export class JsonEditor {
  constructor(monaco, container, value, ariaLabel, onChange) {
    this.monaco = monaco;
    modelCount += 1;
    this.model = monaco.editor.createModel(
      value,
      'json',
      monaco.Uri.parse(`inmemory://iamplay/policy-${modelCount}.json`),
    );
    this.editor = monaco.editor.create(container, {
      model: this.model,
      ariaLabel,
      automaticLayout: true,
      fixedOverflowWidgets: true,
      fontSize: 14,
      minimap: { enabled: false },
      padding: { top: 6, bottom: 6 },
      scrollBeyondLastLine: false,
      tabSize: 2,
      theme: darkScheme?.matches ? 'vs-dark' : 'vs',
      wordWrap: 'on',
    });
    // Per marker owner: the markers last set, and where the first edit since then began.
    this.markers = new Map();
    this.changes = this.model.onDidChangeContent((event) => {
      for (const shown of this.markers.values()) {
        for (const { range } of event.changes) {
          const start = { lineNumber: range.startLineNumber, column: range.startColumn };
          if (shown.editedFrom === null || earlier(start, shown.editedFrom)) shown.editedFrom = start;
        }
      }
      onChange(this.model.getValue());
    });
    this.fitContent(container.parentElement);
    this.followTheme = (event) => monaco.editor.setTheme(event.matches ? 'vs-dark' : 'vs');
    darkScheme?.addEventListener('change', this.followTheme);
  }

  // The editor's frame grows and shrinks with the text; the stylesheet's min-height and
  // max-height of the frame bound it, and past the maximum the editor scrolls.
  // `automaticLayout` then lays Monaco out again at the frame's new size.
  fitContent(frame) {
    const style = getComputedStyle(frame);
    const borders = parseFloat(style.borderTopWidth) + parseFloat(style.borderBottomWidth);
    const fit = () => {
      frame.style.height = `${Math.ceil(this.editor.getContentHeight() + borders)}px`;
    };
    this.sizes = this.editor.onDidContentSizeChange(fit);
    fit();
  }

  setMarkers(owner, markersJson) {
    const markers = JSON.parse(markersJson).map((m) => ({
      startLineNumber: m.range.startLine,
      startColumn: m.range.startColumn,
      endLineNumber: m.range.endLine,
      endColumn: m.range.endColumn,
      severity: this.monaco.MarkerSeverity[SEVERITY[m.severity]],
      message: m.message,
      source: m.source,
    }));
    // Most keystrokes leave the markers as they were; setting them again would redraw the
    // squiggles and the overview ruler for nothing. Monaco moves shown markers with the text,
    // so the old ones are still in place only if every edit since came after all of them.
    const previous = this.markers.get(owner) ?? { markers: [], editedFrom: null };
    const inPlace = previous.markers.every((m) => before(m, previous.editedFrom));
    this.markers.set(owner, { markers, editedFrom: null });
    if (inPlace && sameMarkers(previous.markers, markers)) return;
    this.monaco.editor.setModelMarkers(this.model, owner, markers);
  }

  // Whole-line highlights (the deciding statement of a check), replacing the previous ones.
  setDecorations(decorationsJson) {
    const decorations = JSON.parse(decorationsJson).map((d) => ({
      range: new this.monaco.Range(d.range.startLine, d.range.startColumn, d.range.endLine, d.range.endColumn),
      options: {
        className: d.className,
        isWholeLine: true,
        hoverMessage: { value: d.hover },
        overviewRuler: { color: d.ruler, position: this.monaco.editor.OverviewRulerLane.Full },
      },
    }));
    this.decorations ??= this.editor.createDecorationsCollection();
    // Unchanged highlights (none, mostly) are left alone, as markers are.
    const ranges = this.decorations.getRanges();
    const same =
      ranges.length === decorations.length &&
      decorations.every((d, i) => d.range.equalsRange(ranges[i]) && d.options.className === this.decorationClasses?.[i] && d.options.hoverMessage.value === this.decorationHovers?.[i]);
    if (same) return;
    this.decorationClasses = decorations.map((d) => d.options.className);
    this.decorationHovers = decorations.map((d) => d.options.hoverMessage.value);
    this.decorations.set(decorations);
  }

  setReadOnly(readOnly) {
    this.editor.updateOptions({ readOnly, domReadOnly: readOnly });
  }

  // Puts the cursor at a position, scrolls it into view and gives the editor the focus.
  moveCursor(line, column) {
    this.editor.setPosition({ lineNumber: line, column });
    this.editor.revealLineInCenterIfOutsideViewport(line);
    this.editor.focus();
  }

  focus() {
    this.editor.focus();
  }

  // Replaces the whole text as one undoable edit (the learner can take it back with Ctrl+Z);
  // the change reaches Rust like a keystroke.
  setText(text) {
    this.editor.pushUndoStop();
    this.editor.executeEdits('iamplay', [{ range: this.model.getFullModelRange(), text }]);
    this.editor.pushUndoStop();
  }

  getValue() {
    return this.model.getValue();
  }

  dispose() {
    this.decorations?.clear();
    darkScheme?.removeEventListener('change', this.followTheme);
    this.changes.dispose();
    this.sizes.dispose();
    this.editor.dispose();
    this.model.dispose();
  }
}

export async function createJsonEditor(container, value, ariaLabel, onChange) {
  let monaco;
  try {
    monaco = await loadMonaco();
  } catch (err) {
    throw String(err);
  }
  // The app's own checks are the voice of the product; Monaco's JSON diagnostics would
  // duplicate them with different wording. Without a schema, the JSON worker's other features
  // add nothing to the IAM ones, yet keeping them on mirrors every keystroke to the worker.
  // Formatting stays (it runs on request); folding and smart select fall back to Monaco's own.
  const json = (monaco.json ?? monaco.languages.json)?.jsonDefaults;
  json?.setDiagnosticsOptions({ validate: false });
  json?.setModeConfiguration({
    documentFormattingEdits: true,
    documentRangeFormattingEdits: true,
    tokens: true,
    completionItems: false,
    hovers: false,
    documentSymbols: false,
    colors: false,
    foldingRanges: false,
    diagnostics: false,
    selectionRanges: false,
  });
  return new JsonEditor(monaco, container, value, ariaLabel, onChange);
}

// Loads Monaco (once) for code that adds language features before or without an editor.
export function monacoReady() {
  return loadMonaco();
}
