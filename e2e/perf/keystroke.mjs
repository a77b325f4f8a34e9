// Browser timing of the learning loop: from a keystroke in a scenario's editor to the checks
// updated in the page, on the largest write/fix scenario, over many edits. Also the app's wasm
// and the lesson page's weight. Run by `make bench-browser` against the release build in dist/.
//
//   node e2e/perf/keystroke.mjs [edits]
//
// BENCH_DIST names another build folder (default dist/), so two builds can be alternated in
// one session.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';

const EDITS = Number(process.argv[2] ?? 200);
const PORT = Number(process.env.BENCH_PORT ?? 4281);
const LESSON = 'data-engineering-patterns';
const SCENARIO = 'step-functions-orchestrator';
const OUT = process.env.BENCH_OUT ?? 'target/bench-browser.json';
const DIST = process.env.BENCH_DIST ?? 'dist';

const lesson = JSON.parse(readFileSync(`lessons/${LESSON}/lesson.json`, 'utf8'));
const scenario = lesson.scenarios.find((s) => s.id === SCENARIO);
const answer = JSON.stringify(scenario.answer, null, 2);
const starter = JSON.stringify(scenario.starter, null, 2);
// Edits that flip the access map's edges (starter: denied, answer: allowed), so both the
// checks and the map change.
const FLIPS = 60;

const server = spawn(process.execPath, ['e2e/serve.mjs', DIST, String(PORT)], { stdio: 'ignore' });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  await new Promise((r) => setTimeout(r, 300));
  const page = await browser.newPage();
  let bytes = 0;
  page.on('response', async (response) => {
    try {
      bytes += (await response.body()).length;
    } catch {
      // Redirects and aborted requests have no body.
    }
  });
  await page.goto(`http://127.0.0.1:${PORT}/lessons/${LESSON}/${SCENARIO}`);
  await page.locator(`section.scenario[id="${SCENARIO}"] .editor-frame[data-ready="true"]`).waitFor();
  await page.waitForLoadState('networkidle');
  const pageBytes = bytes;

  const samples = await page.evaluate(
    async ([id, text, edits]) => {
      const section = document.getElementById(id);
      const editor = globalThis.monaco.editor.getEditors().find((e) => section.contains(e.getContainerDomNode()));
      const updated = () =>
        new Promise((resolve) => {
          const seen = section.dataset.revision;
          const observer = new MutationObserver(() => {
            if (section.dataset.revision !== seen) {
              observer.disconnect();
              resolve(performance.now());
            }
          });
          observer.observe(section, { attributes: true, attributeFilter: ['data-revision'] });
        });
      const nextFrame = () => new Promise((r) => requestAnimationFrame(() => r()));
      let done = updated();
      editor.getModel().setValue(text);
      await done;
      const total = [];
      let inFrame = 0;
      for (let i = 0; i < edits; i += 1) {
        await nextFrame();
        // Keys arrive at any moment of a frame, not just after one starts.
        await new Promise((r) => setTimeout(r, (i * 7) % 16));
        // The next frame after the keystroke: the checks should be updated before it paints.
        let frameAt = Infinity;
        requestAnimationFrame(() => {
          frameAt = performance.now();
        });
        done = updated();
        editor.setPosition({ lineNumber: 1, column: i % 2 === 0 ? 2 : 3 });
        const start = performance.now();
        editor.trigger('keyboard', i % 2 === 0 ? 'type' : 'deleteLeft', { text: ' ' });
        const end = await done;
        total.push(end - start);
        if (end <= frameAt) inFrame += 1;
      }
      const passing = section.querySelectorAll('.check.pass').length;
      const summary = section.querySelector('.checks-summary')?.textContent;
      return { total, inFrame, passing, summary, checks: section.querySelectorAll('.check').length };
    },
    [SCENARIO, answer, EDITS],
  );

  // Resolves when an attribute of an element changes, with the time it did: the end point of
  // the flip measures below.
  await page.evaluate(() => {
    globalThis.benchChanged = (element, attribute) =>
      new Promise((resolve) => {
        const seen = element.getAttribute(attribute);
        const observer = new MutationObserver(() => {
          if (element.getAttribute(attribute) !== seen) {
            observer.disconnect();
            resolve(performance.now());
          }
        });
        observer.observe(element, { attributes: true, attributeFilter: [attribute] });
      });
  });

  // Whole-text replacements (a paste, "show the answer") that flip the map: from the edit to
  // the checks and the map both redrawn.
  const flips = await page.evaluate(
    async ([id, texts, count]) => {
      const section = document.getElementById(id);
      const map = section.querySelector('.access-map');
      const editor = globalThis.monaco.editor.getEditors().find((e) => section.contains(e.getContainerDomNode()));
      const changed = globalThis.benchChanged;
      const total = [];
      const redraw = [];
      for (let i = 0; i < count; i += 1) {
        await new Promise((r) => requestAnimationFrame(() => r()));
        const both = Promise.all([changed(section, 'data-revision'), changed(map, 'data-redraws')]);
        const start = performance.now();
        editor.getModel().setValue(texts[i % 2]);
        const ends = await both;
        total.push(Math.max(...ends) - start);
        redraw.push(Number(map.dataset.redrawMs));
      }
      return { total, redraw, layout: Number(map.dataset.layoutMs), edges: map.querySelectorAll('svg g[data-edge]').length };
    },
    [SCENARIO, [starter, answer], FLIPS],
  );

  // Single keystrokes that flip an edge: a letter typed at the end of an action the checks
  // need (the request is then denied, and lint flags an unknown action), then deleted. This
  // is the "checks and map updated together" as a learner's typing causes it.
  const actionAt = (() => {
    const lines = answer.split('\n');
    const lineIndex = lines.findIndex((l) => l.includes('"lambda:InvokeFunction"'));
    return { lineNumber: lineIndex + 1, column: lines[lineIndex].indexOf('lambda:InvokeFunction"') + 'lambda:InvokeFunction'.length + 1 };
  })();
  const keyFlips = await page.evaluate(
    async ([id, text, at, count]) => {
      const section = document.getElementById(id);
      const map = section.querySelector('.access-map');
      const editor = globalThis.monaco.editor.getEditors().find((e) => section.contains(e.getContainerDomNode()));
      const changed = globalThis.benchChanged;
      editor.getModel().setValue(text);
      await new Promise((r) => setTimeout(r, 100));
      const total = [];
      const redraw = [];
      for (let i = 0; i < count; i += 1) {
        await new Promise((r) => requestAnimationFrame(() => r()));
        await new Promise((r) => setTimeout(r, (i * 7) % 16));
        const both = Promise.all([changed(section, 'data-revision'), changed(map, 'data-redraws')]);
        const typing = i % 2 === 0;
        editor.setPosition({ lineNumber: at.lineNumber, column: typing ? at.column : at.column + 1 });
        const start = performance.now();
        editor.trigger('keyboard', typing ? 'type' : 'deleteLeft', { text: 'x' });
        const ends = await both;
        total.push(Math.max(...ends) - start);
        redraw.push(Number(map.dataset.redrawMs));
      }
      return { total, redraw };
    },
    [SCENARIO, answer, actionAt, FLIPS],
  );

  const pct = (list, p) => {
    const sorted = [...list].sort((a, b) => a - b);
    return Number(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))].toFixed(2));
  };
  const wasm = readdirSync(DIST).find((f) => f.endsWith('.wasm'));
  const wasmBytes = readFileSync(`${DIST}/${wasm}`);
  const result = {
    scenario: `${LESSON}/${SCENARIO}`,
    edits: EDITS,
    checks: samples.checks,
    passing: samples.passing,
    summary: samples.summary,
    keystrokeToChecksMs: { p50: pct(samples.total, 50), p95: pct(samples.total, 95), max: pct(samples.total, 100) },
    updatedBeforeNextFrame: `${samples.inFrame}/${EDITS}`,
    mapFlips: FLIPS,
    mapEdges: flips.edges,
    editToChecksAndMapMs: { p50: pct(flips.total, 50), p95: pct(flips.total, 95), max: pct(flips.total, 100) },
    mapRedrawMs: { p50: pct(flips.redraw, 50), p95: pct(flips.redraw, 95), max: pct(flips.redraw, 100) },
    keyFlipToChecksAndMapMs: { p50: pct(keyFlips.total, 50), p95: pct(keyFlips.total, 95), max: pct(keyFlips.total, 100) },
    keyFlipMapRedrawMs: { p50: pct(keyFlips.redraw, 50), p95: pct(keyFlips.redraw, 95), max: pct(keyFlips.redraw, 100) },
    mapLayoutOnceMs: flips.layout,
    wasmBytes: statSync(`${DIST}/${wasm}`).size,
    wasmGzipBytes: gzipSync(wasmBytes, { level: 9 }).length,
    lessonPageBytes: pageBytes,
  };
  writeFileSync(OUT, `${JSON.stringify(result, null, 2)}\n`);
  console.log(JSON.stringify(result, null, 2));
} finally {
  await browser.close();
  server.kill();
}
