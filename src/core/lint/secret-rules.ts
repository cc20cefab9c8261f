/**
 * HMAC secret rules: secrets shorter than the hash (RFC 7518 §3.2) and secrets on public lists.
 * A weak secret lets anyone who holds one token recover it offline and then forge tokens.
 */
import type { LintRule, Finding } from './types'
import { isCommonSecret } from './common-secrets'

const hashBits: Readonly<Record<string, number>> = { HS256: 256, HS384: 384, HS512: 512 }

/** Short or well-known HMAC secrets for HS256/HS384/HS512 tokens. */
export const hmacSecretRule: LintRule = (token, context) => {
  const alg = token.alg
  const bits = alg === undefined ? undefined : hashBits[alg]
  if (alg === undefined || bits === undefined) return []
  const parsed = context.keys?.keys.find((key) => key.kind === 'secret' && key.secret !== undefined)?.secret
  const typed = context.secretText !== undefined && context.secretText.length > 0 ? context.secretText : undefined
  const bytes = parsed ?? (typed === undefined ? undefined : new TextEncoder().encode(typed))
  if (bytes === undefined) return []
  const findings: Finding[] = []
  const text = typed ?? new TextDecoder().decode(bytes)
  if (isCommonSecret(text, context.commonSecrets)) {
    findings.push({
      id: 'hmac-secret-common',
      severity: 'critical',
      title: 'HMAC secret is a well-known value',
      explanation:
        'The secret is on public lists of default JWT secrets and common passwords. Cracking tools try these first ' +
        'and recover it from a single token in seconds; with it anyone can sign tokens your services accept.',
      fix: `Replace it with a random secret of at least ${bits / 8} bytes (for example \`openssl rand -base64 ${bits / 8}\`), and rotate every token signed with the old one.`,
      reference: 'RFC 8725 §2.2 and §3.5; RFC 7518 §3.2',
    })
  }
  if (bytes.length * 8 < bits) {
    findings.push({
      id: 'hmac-secret-short',
      severity: 'high',
      title: `HMAC secret shorter than ${bits} bits`,
      explanation:
        `The secret is ${bytes.length} byte${bytes.length === 1 ? '' : 's'} (${bytes.length * 8} bits), but ${alg} requires a key of at least ` +
        `${bits} bits (${bits / 8} bytes). Short or guessable secrets can be brute-forced offline from one token.`,
      fix: `Use a random secret of at least ${bits / 8} bytes (for example \`openssl rand -base64 ${bits / 8}\`).`,
      reference: 'RFC 7518 §3.2; RFC 8725 §3.5',
    })
  }
  return findings
}
