/**
 * Lint rules that load on demand: they matter only for some tokens, and first-paint JavaScript
 * should not carry them. The session asks which rules a token needs, loads them once, and hands
 * them to `lintToken` as `extraRules`.
 */
import type { DecodedToken } from '../types'
import { tokenProfile } from './profiles'
import type { LintRule } from './types'

/** Algorithms the algorithm-support rule speaks about (EdDSA for its Ed448 keys). */
const LIMITED_SUPPORT: readonly string[] = ['ES256K', 'Ed448', 'EdDSA', 'ML-DSA-44', 'ML-DSA-65', 'ML-DSA-87']

/** The on-demand rule sets. */
export type OnDemandRuleSet = 'jwe' | 'jwe-json' | 'sd-jwt' | 'profile' | 'algorithm-support' | 'nested'

const LOADERS: Readonly<Record<OnDemandRuleSet, () => Promise<LintRule>>> = {
  jwe: async () => (await import('./jwe-rules')).jweHeaderRule,
  'jwe-json': async () => (await import('./jwe-json-rules')).jweJsonRule,
  'sd-jwt': async () => (await import('./sd-jwt-rules')).sdJwtRule,
  profile: async () => (await import('./profile-rules')).profileRule,
  'algorithm-support': async () => (await import('./alg-support-rules')).algSupportRule,
  nested: async () => (await import('./nested-rules')).nestedTokenRule,
}

/**
 * A cheap test before any parsing: the text is a JSON object that mentions "ciphertext", so it may be
 * a JWE in JSON serialization (RFC 7516 §7.2), which the decoder reads as one part (or, with dots in
 * its members, as five). Linear in the text length.
 */
export function looksLikeJsonJwe(text: string): boolean {
  const start = text.search(/\S/)
  return start >= 0 && text.charCodeAt(start) === 0x7b && text.includes('"ciphertext"')
}

/** The on-demand rules of a token: a key naming them (for caches) and how to load them. */
export interface OnDemandLintRules {
  readonly key: string
  readonly sets: readonly OnDemandRuleSet[]
  readonly load: () => Promise<readonly LintRule[]>
}

/**
 * The on-demand rules a token needs, or undefined when the built-in rules are all there is: the
 * JWE header rules for an encrypted token, the JSON-serialization rules for a JWE in JSON, the SD-JWT rules for an SD-JWT, its profile's rules for an explicitly typed one (a DPoP
 * proof, a logout token…), the algorithm-support rule for ES256K, Ed448, EdDSA and ML-DSA tokens.
 * the nested-token rule for an inner token opened from its encrypted envelope (`opened`). Loading
 * may fail (offline before caching); the built-in rules still run then.
 */
export function onDemandLintRules(token: DecodedToken, options: { readonly opened?: boolean } = {}): OnDemandLintRules | undefined {
  const sets: OnDemandRuleSet[] = []
  if (options.opened === true) sets.push('nested')
  if (token.kind === 'jwe') sets.push('jwe')
  if (looksLikeJsonJwe(token.token)) sets.push('jwe-json')
  // The decoder marks an SD-JWT with its parts (compact or JSON serialization).
  if (token.sdJwt !== undefined) sets.push('sd-jwt')
  if (tokenProfile(token) !== undefined) sets.push('profile')
  if (token.alg !== undefined && LIMITED_SUPPORT.includes(token.alg)) sets.push('algorithm-support')
  if (sets.length === 0) return undefined
  return { key: sets.join('+'), sets, load: () => Promise.all(sets.map((set) => LOADERS[set]())) }
}
