// The benchmark peer, @cloud-copilot/iam-simulate (AGPL, a dev dependency used only here, never
// shipped): our case format converted to its `Simulation` input, and its results mapped to our
// decision names. Only its public API is called.

import { anonymousPrincipal, runSimulation, runUnsafeSimulation } from '@cloud-copilot/iam-simulate'

const DECISIONS = {
  Allowed: 'allowed',
  ExplicitlyDenied: 'explicitDeny',
  ImplicitlyDenied: 'implicitDeny'
}

/** The account a case's request is about, as the engine decides it (see `Request::resource_account`). */
function resourceAccount(request) {
  if (request.resourceAccount) return request.resourceAccount
  const fromArn = request.resource.startsWith('arn:') ? request.resource.split(':')[4] : ''
  if (fromArn) return fromArn
  const principalAccount = /^arn:aws[\w-]*:(?:iam|sts)::(\d{12}):/.exec(request.principal)
  return principalAccount ? principalAccount[1] : ''
}

function named(entries, prefix) {
  return entries.map((entry, index) =>
    entry.document
      ? { name: entry.name ?? `${prefix}-${index}`, policy: entry.document }
      : { name: `${prefix}-${index}`, policy: entry }
  )
}

function levels(hierarchy, prefix) {
  return (hierarchy ?? []).map((documents, level) => ({
    orgIdentifier: `${prefix}-level-${level}`,
    policies: named(documents, `${prefix}-${level}`)
  }))
}

/** Converts one case (engine format, as a JS object) to the peer's `Simulation`. */
export function toSimulation(testCase) {
  const { request, policies = {} } = testCase
  if (policies.session) {
    // The peer's unsafe entry point ignores session policies: comparing would mislead.
    throw new Error(`case \`${testCase.id}\` has a session policy, which the peer does not evaluate`)
  }
  const contextVariables = Object.fromEntries(
    Object.entries(request.context ?? {}).map(([key, value]) => [
      key,
      Array.isArray(value) ? value.map(String) : String(value)
    ])
  )
  const simulation = {
    request: {
      principal: request.principal === '*' ? anonymousPrincipal : request.principal,
      action: request.action,
      resource: { resource: request.resource, accountId: resourceAccount(request) },
      contextVariables
    },
    identityPolicies: named(policies.identity ?? [], 'identity'),
    serviceControlPolicies: levels(policies.scps, 'scp'),
    resourceControlPolicies: levels(policies.rcps, 'rcp')
  }
  if (policies.resource) simulation.resourcePolicy = policies.resource.document ?? policies.resource
  if (policies.permissionBoundary) {
    simulation.permissionBoundaryPolicies = named([policies.permissionBoundary], 'boundary')
  }
  return simulation
}

/** The peer's fastest path: synchronous, no input validation. */
export function peerUnsafeDecision(simulation) {
  return DECISIONS[runUnsafeSimulation(simulation, {})]
}

/** The peer's documented path: asynchronous, validates policies, actions and context keys. */
export async function peerCheckedDecision(simulation) {
  const response = await runSimulation(simulation, {})
  if (response.resultType === 'error') return `error: ${response.errors.message}`
  return DECISIONS[response.overallResult]
}
