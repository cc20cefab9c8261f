/**
 * A nested JWT (RFC 7519 §5.2: signed, then encrypted) opened from its encrypted envelope: the inner
 * token must be signed, and claims the envelope's header replicates (RFC 7519 §5.3) must say what
 * the inner claims say — a recipient that trusts the readable header would otherwise be misled.
 */
import type { JsonValue } from '../types'
import { headerObject, memberLocation, payloadObject, type JsonObject } from './token-parts'
import type { Finding, LintRule } from './types'

/** Claims RFC 7519 §5.3 allows an encrypted token's header to replicate in the clear. */
const REPLICATED = ['iss', 'sub', 'aud'] as const

function same(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

/** The inner token of an opened envelope: unsigned, or disagreeing with the envelope's replicated claims. */
export const nestedTokenRule: LintRule = (token, context) => {
  const envelope: JsonObject | undefined = context.envelopeHeader
  if (envelope === undefined || token.kind !== 'jws') return []
  const findings: Finding[] = []
  const alg = headerObject(token)?.alg
  if (typeof alg === 'string' && alg.toLowerCase() === 'none') {
    findings.push({
      id: 'nested-unsigned',
      severity: 'high',
      title: 'Encrypted token whose inner token is unsigned',
      explanation:
        'The token was opened from an encrypted envelope, but the inner token says "alg": "none". Encryption to the recipient\'s public key proves nothing about who sent it: anyone who knows that public key can make such an envelope. Only the inner signature identifies the issuer, and here there is none.',
      fix: 'Sign the inner token (a nested JWT is signed, then encrypted: RFC 7519 §5.2), and have the recipient reject inner tokens whose alg is not on its allowlist.',
      reference: 'RFC 7519 §5.2 and §11.2; RFC 8725 §3.1',
      ...memberLocation(token, 'header', 'alg'),
    })
  }
  const payload = payloadObject(token)
  if (payload !== undefined) {
    const differ = REPLICATED.filter((name) => envelope[name] !== undefined && !same(envelope[name], payload[name]))
    if (differ.length > 0) {
      const detail = differ.map((name) => `"${name}" is ${JSON.stringify(envelope[name])} in the envelope's header but ${payload[name] === undefined ? 'absent' : JSON.stringify(payload[name])} in the inner token`).join('; ')
      findings.push({
        id: 'nested-claims-disagree',
        severity: 'medium',
        title: "The encrypted envelope's header and the inner token disagree",
        explanation: `The envelope replicates claims in its readable header (RFC 7519 §5.3), and they do not match the signed inner claims: ${detail}. A recipient or proxy that routes or authorises by the readable header acts on claims nobody signed.`,
        fix: 'Replicate claims in the JWE header only as exact copies of the inner claims, and have recipients decide on the inner, signed claims.',
        reference: 'RFC 7519 §5.3',
        ...memberLocation(token, 'payload', differ[0] as string),
      })
    }
  }
  return findings
}
