import {
  algorithmSpec,
  algorithmsForKey,
  describeKey,
  err,
  exportKeyText,
  generateSigningKey,
  ok,
  parseKey,
  type JwsAlgorithm,
  type ParsedKey,
  type Result,
  type SecretEncoding,
} from '../../core'

/** The authorization server's key for a token exchange, and the text that verifies what it signs. */
export interface ExchangeKey {
  readonly key: ParsedKey
  readonly alg: JwsAlgorithm
  /** The secret or public PEM that verifies tokens signed with `key`. */
  readonly verificationText: string
  readonly verificationEncoding: SecretEncoding
  /** For the UI, e.g. `a generated HS256 secret`. */
  readonly description: string
}

/** Algorithms offered for a generated exchange key: one shared-secret and one public-key choice. */
export const EXCHANGE_KEY_ALGORITHMS = ['HS256', 'ES256'] as const
export type ExchangeKeyAlgorithm = (typeof EXCHANGE_KEY_ALGORITHMS)[number]

/** Generates a fresh key for the exchange (HS256 secret or ES256 key pair). */
export async function generateExchangeKey(alg: ExchangeKeyAlgorithm): Promise<Result<ExchangeKey>> {
  const generated = await generateSigningKey(alg)
  if (!generated.ok) return generated
  return ok({
    key: generated.value.key,
    alg,
    verificationText: generated.value.publicText,
    verificationEncoding: generated.value.encoding,
    description: alg === 'HS256' ? 'a generated HS256 secret' : 'a generated ES256 key pair (P-256)',
  })
}

/**
 * The key in the `Signing key` box, for signing the exchanged token: a secret or a private key. The
 * algorithm is the chosen one when it fits the key, else the first that does.
 */
export async function signingKeyForExchange(text: string, encoding: SecretEncoding, algorithm: JwsAlgorithm): Promise<Result<ExchangeKey>> {
  if (text.trim() === '') return err('EXCHANGE_KEY', 'The Signing key box is empty. Generate an exchange key here, or put a secret or private key into Signing key.')
  const parsed = await parseKey(text, { encoding })
  if (!parsed.ok) return parsed
  const key = parsed.value.keys.find((k) => k.kind !== 'public')
  if (key === undefined) {
    return err('EXCHANGE_KEY', 'The Signing key box holds a public key; signing the exchanged token needs the private key or the secret.')
  }
  const fits = algorithmsForKey(key)
  const spec = algorithmSpec(algorithm)
  const alg = (spec !== undefined && fits.includes(algorithm) ? algorithm : fits[0]) as JwsAlgorithm | undefined
  if (alg === undefined) return err('EXCHANGE_KEY', `No signing algorithm fits ${describeKey(key)}.`)
  if (key.kind === 'secret') {
    return ok({ key, alg, verificationText: text, verificationEncoding: encoding, description: `the current signing key (${alg} secret)` })
  }
  const pub = await exportKeyText(key, 'pem', 'public')
  if (!pub.ok) return pub
  return ok({ key, alg, verificationText: pub.value, verificationEncoding: 'utf8', description: `the current signing key (${describeKey(key)}, ${alg})` })
}
