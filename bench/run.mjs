// Times the engine compiled to wasm against @cloud-copilot/iam-simulate, in one Node process,
// on the same cases. Build the wasm package first (see bench/README.md).
//
//   node bench/run.mjs [--rounds N] [--round-ms MS] [--warmup-ms MS] [--json FILE] [--pkg DIR]
//                      [--before DIR]
//
// `--pkg` names the wasm-bindgen output folder under bench/ (default `pkg`). `--before` names
// another build (e.g. of an older commit) timed in the same interleaved rounds, so a
// before/after comparison does not suffer from the machine's drift between runs.
//
// Exit code 1 when the two disagree on a decision or a case fails to evaluate.

import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import { parseArgs } from 'node:util'
import { agreementCases, benchmarkCases, statementCount } from './cases.mjs'
import { peerCheckedDecision, peerUnsafeDecision, toSimulation } from './peer.mjs'

const { values: options } = parseArgs({
  options: {
    rounds: { type: 'string', default: '9' },
    'round-ms': { type: 'string', default: '500' },
    'warmup-ms': { type: 'string', default: '1500' },
    json: { type: 'string' },
    pkg: { type: 'string', default: 'pkg' },
    before: { type: 'string' }
  }
})
const ROUNDS = Number(options.rounds)
const ROUND_MS = Number(options['round-ms'])
const WARMUP_MS = Number(options['warmup-ms'])

const require = createRequire(import.meta.url)
let wasm
try {
  wasm = require(`./${options.pkg}/iamplay_bench_wasm.js`)
} catch (error) {
  console.error(`cannot load bench/pkg (${error.message}); build it as bench/README.md says`)
  process.exit(2)
}
const before = options.before ? require(`./${options.before}/iamplay_bench_wasm.js`) : undefined

/**
 * Both engines on every agreement case. A peer path that fails on a case (runUnsafeSimulation
 * throws on any resource policy in 0.1.173) does not count as a disagreement, but a case that no
 * peer path can decide, or that our engine fails on, does. Returns the number of problems.
 */
async function checkAgreement() {
  console.log('## Agreement (engine vs iam-simulate, same inputs)\n')
  console.log('| case | statements | engine (wasm) | peer runUnsafeSimulation | peer runSimulation |')
  console.log('|---|---:|---|---|---|')
  let problems = 0
  for (const testCase of agreementCases()) {
    const ours = safely(() => wasm.evaluate_case(JSON.stringify(testCase)))
    // `decide` (no explanation) must give what `evaluate` gives; a difference counts as a problem.
    const silent = wasm.decide_case ? safely(() => wasm.decide_case(JSON.stringify(testCase))) : ours
    const simulation = toSimulation(testCase)
    const unsafe = safely(() => peerUnsafeDecision(simulation))
    const checked = await peerCheckedDecision(simulation).catch((error) => `error: ${error.message}`)
    const decided = [unsafe, checked].filter((answer) => !answer.startsWith('error'))
    const agree =
      !ours.startsWith('error') && silent === ours && decided.length > 0 && decided.every((answer) => answer === ours)
    if (!agree) problems += 1
    const mark = agree ? '' : silent === ours ? ' **DISAGREE**' : ` **DISAGREE** (decide: ${silent})`
    const shown = (answer) => (answer.startsWith('error') ? `(${answer})` : answer)
    console.log(
      `| ${testCase.id}${mark} | ${statementCount(testCase)} | ${shown(ours)} | ${shown(unsafe)} | ${shown(checked)} |`
    )
  }
  console.log()
  return problems
}

function safely(run) {
  try {
    return run()
  } catch (error) {
    return `error: ${error.message ?? error}`
  }
}

/** The ways each engine is timed; `run(n)` performs n evaluations of the case. */
function contenders(testCase) {
  const text = JSON.stringify(testCase)
  const parsed = new wasm.ParsedCase(text)
  const simulation = toSimulation(testCase)
  // Decision-only entry points exist from the build that added `eval::decide` on.
  const decisionOnly = wasm.decide_case
    ? [
        {
          key: 'wasmDecide',
          name: 'engine (wasm): case text → decision without explanation (`decide`)',
          run: (n) => {
            for (let i = 0; i < n; i++) wasm.decide_case(text)
          }
        },
        {
          key: 'wasmParsedDecide',
          name: 'engine (wasm): decision only (`decide`), case parsed once',
          run: (n) => parsed.decide(n)
        }
      ]
    : []
  // The before build's decision-only entry points, when it has them, so modes 1 (`decide`) and 3
  // are compared in the same rounds too.
  const earlierDecide = before?.decide_case
    ? [
        {
          key: 'beforeDecide',
          name: `before (${options.before}): case text → decision without explanation (\`decide\`)`,
          run: (n) => {
            for (let i = 0; i < n; i++) before.decide_case(text)
          }
        },
        {
          key: 'beforeParsedDecide',
          name: `before (${options.before}): decision only (\`decide\`), case parsed once`,
          run: ((beforeParsed) => (n) => beforeParsed.decide(n))(new before.ParsedCase(text))
        }
      ]
    : []
  const earlier = before
    ? [
        {
          key: 'beforeWasm',
          name: `before (${options.before}): case text → decision, one call each`,
          run: (n) => {
            for (let i = 0; i < n; i++) before.evaluate_case(text)
          }
        },
        {
          key: 'beforeParsed',
          name: `before (${options.before}): evaluation only, case parsed once`,
          run: ((beforeParsed) => (n) => beforeParsed.evaluate(n))(new before.ParsedCase(text))
        }
      ]
    : []
  return [
    {
      key: 'wasm',
      name: 'engine (wasm): case text → decision, one call each',
      run: (n) => {
        for (let i = 0; i < n; i++) wasm.evaluate_case(text)
      }
    },
    {
      key: 'wasmLoop',
      name: 'engine (wasm): text → decision, looped inside wasm',
      run: (n) => wasm.evaluate_repeatedly(text, n)
    },
    {
      key: 'wasmParsed',
      name: 'engine (wasm): evaluation only, case parsed once',
      run: (n) => parsed.evaluate(n)
    },
    {
      key: 'wasmExplain',
      name: 'engine (wasm): text → full explanation as JSON',
      run: (n) => {
        for (let i = 0; i < n; i++) wasm.explain_case(text)
      }
    },
    ...decisionOnly,
    ...earlier,
    ...earlierDecide,
    {
      key: 'peerUnsafe',
      name: 'iam-simulate runUnsafeSimulation (sync, no validation)',
      run: (n) => {
        for (let i = 0; i < n; i++) runUnsafe(simulation)
      }
    },
    {
      key: 'peerChecked',
      name: 'iam-simulate runSimulation (async, validated)',
      run: async (n) => {
        for (let i = 0; i < n; i++) await runChecked(simulation)
      }
    }
  ]
}

const runUnsafe = peerUnsafeDecision
const runChecked = peerCheckedDecision

async function timed(contender, n) {
  const start = process.hrtime.bigint()
  const pending = contender.run(n)
  if (pending instanceof Promise) await pending
  return Number(process.hrtime.bigint() - start) / 1e6
}

/** Warms up, then finds a batch size that takes about one round. */
async function calibrate(contender) {
  let n = 1
  let elapsed = await timed(contender, n)
  const warmupEnd = Date.now() + WARMUP_MS
  while (Date.now() < warmupEnd || elapsed < ROUND_MS / 4) {
    if (elapsed < ROUND_MS / 4) n *= 2
    elapsed = await timed(contender, n)
  }
  return Math.max(1, Math.round((n * ROUND_MS) / elapsed))
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

/** Rounds interleave the contenders, so a slow patch of the machine hits all of them alike. */
async function bench(testCase) {
  const all = []
  const skipped = []
  for (const contender of contenders(testCase)) {
    // A contender that cannot evaluate the case is reported, not timed.
    const failure = await timed(contender, 1).then(
      () => null,
      (error) => error
    )
    if (failure) skipped.push({ key: contender.key, name: contender.name, error: failure.message })
    else all.push(contender)
  }
  const batches = []
  for (const contender of all) batches.push(await calibrate(contender))
  const rates = all.map(() => [])
  for (let round = 0; round < ROUNDS; round++) {
    for (const [index, contender] of all.entries()) {
      const elapsed = await timed(contender, batches[index])
      rates[index].push((batches[index] * 1000) / elapsed)
    }
  }
  const rows = all.map((contender, index) => ({
    key: contender.key,
    name: contender.name,
    median: median(rates[index]),
    min: Math.min(...rates[index]),
    max: Math.max(...rates[index]),
    rates: rates[index]
  }))
  return { rows, skipped }
}

function format(rate) {
  return rate >= 100 ? Math.round(rate).toLocaleString('en-US') : rate.toFixed(1)
}

function machine() {
  const rustc = safely(() => execFileSync('rustc', ['--version'], { encoding: 'utf8' }).trim())
  return {
    cpus: os.availableParallelism(),
    cpu: os.cpus()[0]?.model ?? 'unknown',
    node: process.version,
    rustc
  }
}

const host = machine()
console.log(`Machine: ${host.cpus} CPUs, ${host.cpu}; Node ${host.node}; ${host.rustc}\n`)
const disagreements = await checkAgreement()

const results = {}
for (const testCase of benchmarkCases()) {
  const { rows, skipped } = await bench(testCase)
  results[testCase.id] = { rows, skipped }
  const by = Object.fromEntries(rows.map((row) => [row.key, row]))
  console.log(`## ${testCase.id} (${statementCount(testCase)} statements)\n`)
  console.log(`Median of ${ROUNDS} rounds of ~${ROUND_MS} ms each, after ${WARMUP_MS} ms warm-up.\n`)
  console.log('| implementation | evaluations/s (median) | min | max |')
  console.log('|---|---:|---:|---:|')
  for (const row of rows) {
    console.log(`| ${row.name} | ${format(row.median)} | ${format(row.min)} | ${format(row.max)} |`)
  }
  for (const row of skipped) console.log(`| ${row.name} | n/a: fails (${row.error}) | | |`)
  console.log()
  // Rounds are interleaved, so the ratio within each round cancels most of the machine's
  // drift; report its median next to the ratio of the medians.
  const ratio = (ours, theirs) =>
    by[ours] && by[theirs]
      ? `**${format(by[ours].median / by[theirs].median)}×** (median of per-round ratios ` +
        `${format(median(by[ours].rates.map((rate, round) => rate / by[theirs].rates[round])))}×)`
      : 'n/a'
  const peers = [['peerUnsafe', 'runUnsafeSimulation'], ['peerChecked', 'runSimulation']]
  const modes = [
    ['wasm', '(1) text → decision with explanation'],
    ['wasmDecide', '(1) text → decision, `decide`'],
    ['wasmParsed', '(2) parsed once, full explanation'],
    ['wasmParsedDecide', '(3) parsed once, decision only'],
    ['beforeWasm', 'before: (1) text → decision'],
    ['beforeParsed', 'before: (2) parsed once, full explanation'],
    ['beforeDecide', 'before: (1) text → decision, `decide`'],
    ['beforeParsedDecide', 'before: (3) parsed once, decision only']
  ]
  console.log('| engine mode | / runUnsafeSimulation | / runSimulation |')
  console.log('|---|---:|---:|')
  for (const [key, label] of modes.filter(([key]) => by[key])) {
    console.log(`| ${label} | ${peers.map(([peer]) => ratio(key, peer)).join(' | ')} |`)
  }
  if (by.beforeWasm) {
    console.log()
    console.log(`After / before, (1) text → decision: ${ratio('wasm', 'beforeWasm')}  `)
    console.log(`After / before, (2) parsed once, full explanation: ${ratio('wasmParsed', 'beforeParsed')}  `)
    if (by.beforeDecide) {
      console.log(`After / before, (1) text → decision, \`decide\`: ${ratio('wasmDecide', 'beforeDecide')}  `)
      console.log(`After / before, (3) parsed once, decision only: ${ratio('wasmParsedDecide', 'beforeParsedDecide')}  `)
    }
  }
  console.log()
}

if (options.json) {
  writeFileSync(options.json, JSON.stringify({ host, rounds: ROUNDS, roundMs: ROUND_MS, results }, null, 2))
}
if (disagreements > 0) {
  console.error(`${disagreements} case(s) where the engine and the peer disagree or fail (see the table above)`)
  process.exit(1)
}
