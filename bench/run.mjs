// Times the engine compiled to wasm against @cloud-copilot/iam-simulate, in one Node process,
// on the same cases. Build the wasm package first (see bench/README.md).
//
//   node bench/run.mjs [--rounds N] [--round-ms MS] [--warmup-ms MS] [--json FILE]
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
    rounds: { type: 'string', default: '7' },
    'round-ms': { type: 'string', default: '400' },
    'warmup-ms': { type: 'string', default: '1500' },
    json: { type: 'string' }
  }
})
const ROUNDS = Number(options.rounds)
const ROUND_MS = Number(options['round-ms'])
const WARMUP_MS = Number(options['warmup-ms'])

const require = createRequire(import.meta.url)
let wasm
try {
  wasm = require('./pkg/iamplay_bench_wasm.js')
} catch (error) {
  console.error(`cannot load bench/pkg (${error.message}); build it as bench/README.md says`)
  process.exit(2)
}

/** Both engines on every agreement case; returns the number of disagreements. */
async function checkAgreement() {
  console.log('## Agreement (engine vs iam-simulate, same inputs)\n')
  console.log('| case | statements | engine (wasm) | peer runUnsafeSimulation | peer runSimulation |')
  console.log('|---|---:|---|---|---|')
  let disagreements = 0
  for (const testCase of agreementCases()) {
    const ours = safely(() => wasm.evaluate_case(JSON.stringify(testCase)))
    const simulation = toSimulation(testCase)
    const unsafe = safely(() => peerUnsafeDecision(simulation))
    const checked = await peerCheckedDecision(simulation).catch((error) => `error: ${error.message}`)
    const agree = ours === unsafe && ours === checked
    if (!agree) disagreements += 1
    const mark = agree ? '' : ' **DISAGREE**'
    console.log(`| ${testCase.id}${mark} | ${statementCount(testCase)} | ${ours} | ${unsafe} | ${checked} |`)
  }
  console.log()
  return disagreements
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
  const all = contenders(testCase)
  const batches = []
  for (const contender of all) batches.push(await calibrate(contender))
  const rates = all.map(() => [])
  for (let round = 0; round < ROUNDS; round++) {
    for (const [index, contender] of all.entries()) {
      const elapsed = await timed(contender, batches[index])
      rates[index].push((batches[index] * 1000) / elapsed)
    }
  }
  return all.map((contender, index) => ({
    key: contender.key,
    name: contender.name,
    median: median(rates[index]),
    min: Math.min(...rates[index]),
    max: Math.max(...rates[index])
  }))
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
  const rows = await bench(testCase)
  results[testCase.id] = rows
  const by = Object.fromEntries(rows.map((row) => [row.key, row.median]))
  console.log(`## ${testCase.id} (${statementCount(testCase)} statements)\n`)
  console.log(`Median of ${ROUNDS} rounds of ~${ROUND_MS} ms each, after ${WARMUP_MS} ms warm-up.\n`)
  console.log('| implementation | evaluations/s (median) | min | max |')
  console.log('|---|---:|---:|---:|')
  for (const row of rows) {
    console.log(`| ${row.name} | ${format(row.median)} | ${format(row.min)} | ${format(row.max)} |`)
  }
  console.log()
  console.log(`Ratio engine (one call each) / runUnsafeSimulation: **${format(by.wasm / by.peerUnsafe)}×**`)
  console.log(`Ratio engine (one call each) / runSimulation: **${format(by.wasm / by.peerChecked)}×**\n`)
}

if (options.json) {
  writeFileSync(options.json, JSON.stringify({ host, rounds: ROUNDS, roundMs: ROUND_MS, results }, null, 2))
}
if (disagreements > 0) {
  console.error(`${disagreements} case(s) where the engine and the peer disagree (see the table above)`)
  process.exit(1)
}
