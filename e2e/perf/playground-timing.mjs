// Browser timings of the playground, outside `make test` (numbers, not pass/fail):
//   - re-evaluation of 50 requests against 10 policies after an edit (goal: under 16 ms),
//   - completion latency: the Rust completion call behind Monaco's suggest widget.
// Run against the release build:  make build && node e2e/perf/playground-timing.mjs
// (TIMING_PORT, TIMING_RUNS, CHROMIUM and BENCH_DIST, another build folder, override the defaults).
import { spawn } from 'node:child_process';
import { deflateRawSync } from 'node:zlib';
import { chromium } from '@playwright/test';

const port = Number(process.env.TIMING_PORT ?? 4399);
const runs = Number(process.env.TIMING_RUNS ?? 40);
const base = `http://127.0.0.1:${port}`;

const ACTIONS = ['s3:GetObject', 's3:PutObject', 's3:ListBucket', 'glue:StartJobRun', 'iam:PassRole', 'dynamodb:Query', 'kms:Decrypt', 'sqs:SendMessage'];

function statement(i, effect = 'Allow') {
  return {
    Sid: `S${i}`,
    Effect: effect,
    Action: [ACTIONS[i % ACTIONS.length], ACTIONS[(i + 3) % ACTIONS.length]],
    Resource: [`arn:aws:s3:::bucket-${i}/*`, '*'],
    Condition: { StringEquals: { 'aws:RequestedRegion': ['eu-west-1', 'us-east-1'] }, Bool: { 'aws:SecureTransport': 'true' } },
  };
}

function policy(id, kind, name, statements, level = 0) {
  const doc = { Version: '2012-10-17', Statement: statements };
  return { id, kind, name, text: JSON.stringify(doc, null, 2), enabled: true, level };
}

/** The 10-policy, 50-request setup, as the link format carries it. */
function setup() {
  const policies = [];
  for (let i = 0; i < 6; i += 1) policies.push(policy(i + 1, 'identity', `identity-${i}`, [0, 1, 2, 3].map((s) => statement(i * 4 + s))));
  const resource = [{ ...statement(40), Principal: { AWS: 'arn:aws:iam::111122223333:root' } }];
  policies.push(policy(7, 'resource', 'bucket', resource));
  policies.push(policy(8, 'boundary', 'boundary', [{ Effect: 'Allow', Action: '*', Resource: '*' }]));
  policies.push(policy(9, 'scp', 'guardrail', [{ Effect: 'Allow', Action: '*', Resource: '*' }, { ...statement(41, 'Deny'), Action: 'iam:*' }]));
  policies.push(policy(10, 'rcp', 'rcp', [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }]));
  const requests = [];
  for (let i = 0; i < 50; i += 1) {
    requests.push({
      id: 100 + i,
      principal: i % 2 ? 'arn:aws:iam::111122223333:user/dana' : 'arn:aws:sts::111122223333:assumed-role/etl/run',
      action: ACTIONS[i % ACTIONS.length],
      resource: `arn:aws:s3:::bucket-${i % 12}/key-${i}`,
      resourceAccount: '',
      context: [
        { key: 'aws:RequestedRegion', valueType: 'string', value: i % 3 ? 'eu-west-1' : 'ap-south-1' },
        { key: 'aws:SecureTransport', valueType: 'bool', value: 'true' },
      ],
      expect: null,
    });
  }
  return { engine: 'timing', content: { type: 'playground', policies, requests } };
}

function link() {
  const packed = deflateRawSync(Buffer.from(JSON.stringify(setup())), { level: 9 });
  return `${base}/playground#share=1.${packed.toString('base64url')}`;
}

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { runs: sorted.length, median: at(0.5).toFixed(2), p95: at(0.95).toFixed(2), max: sorted.at(-1).toFixed(2) };
}

const server = spawn(process.execPath, ['e2e/serve.mjs', process.env.BENCH_DIST ?? 'dist', String(port)], { stdio: 'ignore' });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  await new Promise((r) => setTimeout(r, 500));
  const page = await browser.newPage();
  await page.goto(link());
  await page.locator('[data-testid="request-summary"]').filter({ hasText: '50 requests' }).waitFor();
  await page.locator('[data-policy-id="1"] .monaco-editor .view-lines').waitFor();
  await page.waitForFunction(() => globalThis.monaco?.editor.getEditors().length === 10);

  // Re-evaluation: edit the first identity policy, wait for the next evaluation, read its time.
  const evaluations = [];
  for (let i = 0; i < runs; i += 1) {
    const ms = await page.evaluate(async (i) => {
      const editor = globalThis.monaco.editor.getEditors().find((e) => e.getContainerDomNode().closest('[data-policy-id="1"]'));
      const model = editor.getModel();
      const marker = document.querySelector('[data-testid="eval-time"]');
      const before = marker.dataset.ms;
      model.setValue(model.getValue().replace(/"Sid": "S\d+"/, `"Sid": "Edit${i}"`));
      for (let frames = 0; frames < 120 && marker.dataset.ms === before; frames += 1) {
        await new Promise((r) => requestAnimationFrame(r));
      }
      return Number(marker.dataset.ms);
    }, i);
    evaluations.push(ms);
  }

  // Completions: an action prefix and a condition key under a known action.
  const editorSelector = '[data-policy-id="2"]';
  const completion = async (text, needle) => {
    await page.evaluate(({ editorSelector, text, needle }) => {
      performance.clearMeasures('iamplay:complete');
      const editor = globalThis.monaco.editor.getEditors().find((e) => e.getContainerDomNode().closest(editorSelector));
      editor.getModel().setValue(text);
      const match = editor.getModel().findMatches(needle, false, false, true, null, false)[0];
      editor.setPosition(match.range.getEndPosition());
      editor.focus();
    }, { editorSelector, text, needle });
    const times = [];
    for (let i = 0; i < runs; i += 1) {
      await page.keyboard.press('ControlOrMeta+Space');
      await page.locator('.suggest-widget .monaco-list-row').first().waitFor();
      await page.keyboard.press('Escape');
    }
    times.push(...(await page.evaluate(() => performance.getEntriesByName('iamplay:complete').map((e) => e.duration))));
    return times;
  };
  const actionTimes = await completion('{"Statement": [{"Effect": "Allow", "Action": "s3:Get", "Resource": "*"}]}', '"s3:Get');
  const keyTimes = await completion(
    '{"Statement": [{"Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject", "ec2:*"], "Resource": "*", "Condition": {"StringEquals": {"s3:": ""}}}]}',
    '{"s3:',
  );
  console.log(JSON.stringify({
    'evaluate 50 requests x 10 policies (ms)': stats(evaluations),
    'complete an action, `s3:Get` (ms)': stats(actionTimes),
    'complete a condition key under 3 action patterns incl. ec2:* (ms)': stats(keyTimes),
    'share link of this setup (characters)': link().length - `${base}/playground`.length,
  }, null, 2));
} finally {
  await browser.close();
  server.kill();
}
