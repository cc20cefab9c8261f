/**
 * Security lint: runs every rule family over a decoded token and the keys given with it.
 */
import type { DecodedToken } from '../types'
import { algNoneRule, eddsaDeprecatedRule, es256kHighSRule, keyAlgMismatchRule } from './alg-rules'
import { canonicalBase64urlRule, duplicateMemberRule, oversizedTokenRule } from './encoding-rules'
import { critRule, keySourceRule, kidInjectionRule } from './header-rules'
import { weakRsaKeyRule } from './key-rules'
import { sensitiveDataRule } from './payload-rules'
import { personalDataRule } from './personal-data-rules'
import { hmacSecretRule } from './secret-rules'
import { ecdsaZeroRule } from './signature-rules'
import { iatFutureRule, lifetimeRule, missingExpRule, nbfAfterExpRule } from './time-rules'
import type { Finding, FindingSeverity, LintContext, LintRule, ResolvedLintContext } from './types'

export type { Finding, FindingSeverity, LintContext, LintRule, ResolvedLintContext } from './types'
export { loadCommonSecrets } from './common-secrets'
export { listFindings, type ListedFinding, type PlacedDiagnostic, type ProblemPlace } from './findings-list'
export { onDemandLintRules, type OnDemandLintRules, type OnDemandRuleSet } from './on-demand'

/** Default longest acceptable lifetime: one day. */
export const DEFAULT_MAX_LIFETIME_SECONDS = 86_400

/**
 * Every built-in rule, in the order their findings are listed within one severity. The JWE header
 * rules, the JWE JSON-serialization rules, the SD-JWT rules, the typed profiles' rules, the
 * algorithm-support rule and the nested-token rule load on demand ({@link onDemandLintRules}) and
 * arrive through {@link LintContext.extraRules}.
 */
export const lintRules: readonly LintRule[] = [
  algNoneRule,
  keyAlgMismatchRule,
  hmacSecretRule,
  ecdsaZeroRule,
  es256kHighSRule,
  eddsaDeprecatedRule,
  keySourceRule,
  kidInjectionRule,
  weakRsaKeyRule,
  sensitiveDataRule,
  duplicateMemberRule,
  critRule,
  missingExpRule,
  lifetimeRule,
  iatFutureRule,
  nbfAfterExpRule,
  canonicalBase64urlRule,
  oversizedTokenRule,
  personalDataRule,
]

const rank: Readonly<Record<FindingSeverity, number>> = { critical: 0, high: 1, medium: 2, low: 3, info: 4 }

/** Fills in the defaults of a {@link LintContext}. */
export function resolveLintContext(context: LintContext): ResolvedLintContext {
  const max = context.maxLifetimeSeconds
  return {
    keys: context.keys ?? null,
    secretText: context.secretText,
    commonSecrets: context.commonSecrets,
    now: context.now ?? Date.now() / 1000,
    maxLifetimeSeconds: max !== undefined && Number.isFinite(max) && max >= 0 ? max : DEFAULT_MAX_LIFETIME_SECONDS,
    allowedAlgorithms: context.allowedAlgorithms !== undefined && context.allowedAlgorithms.length > 0 ? context.allowedAlgorithms : undefined,
    envelopeHeader: context.envelopeHeader,
  }
}

/**
 * Security findings for a decoded token and the key(s) given with it, most severe first (rule
 * order within a severity). Returns an empty list for a clean token; never throws.
 */
export function lintToken(token: DecodedToken, context: LintContext = {}): Finding[] {
  const resolved = resolveLintContext(context)
  const rules = context.extraRules === undefined || context.extraRules.length === 0 ? lintRules : [...lintRules, ...context.extraRules]
  const findings = rules.flatMap((rule) => rule(token, resolved))
  return findings
    .map((finding, index) => ({ finding, index }))
    .sort((a, b) => rank[a.finding.severity] - rank[b.finding.severity] || a.index - b.index)
    .map(({ finding }) => finding)
}
