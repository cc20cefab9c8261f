import type { MistakeId, PracticeResult } from '../../core'

/** Every verifier mistake the practice verifier can make, in the order the challenges teach them. */
export const mistakeIds: readonly MistakeId[] = [
  'acceptNone',
  'skipSignature',
  'emptyHmacSecret',
  'algFromHeader',
  'trustHeaderJwk',
  'trustJku',
  'kidAsPath',
  'kidAsSql',
  'kidAsCommand',
  'psychicSignature',
  'weakHmacSecret',
  'ignoreExp',
]

/** Each mistake in plain words, as the toggle's label. */
export const mistakeLabel: Readonly<Record<MistakeId, string>> = {
  acceptNone: 'Accepts "alg": "none" in any casing',
  skipSignature: 'Decodes the token without checking its signature',
  emptyHmacSecret: 'Its HMAC secret is empty (the setting was never filled in)',
  algFromHeader: 'Takes the algorithm from the header, so its RSA public key becomes an HMAC secret',
  trustHeaderJwk: 'Verifies with the public key in the header\'s "jwk"',
  trustJku: 'Fetches keys from the header\'s "jku" or "x5u" URL',
  kidAsPath: 'Reads the HMAC secret from the file named by "kid"',
  kidAsSql: 'Finds the HMAC secret with SQL built from "kid"',
  kidAsCommand: 'Reads the HMAC secret with a shell command built from "kid"',
  psychicSignature: 'Accepts ECDSA signatures with r = 0 and s = 0',
  weakHmacSecret: 'Uses a common word as its HMAC secret',
  ignoreExp: 'Does not check "exp"',
}

/**
 * One verifier's verdict as one line, e.g. `Vulnerable verifier: accepted (exploited: Does not check
 * "exp")` or `Correct verifier: rejected: The token expired at …`.
 */
export function verdictLine(verifier: 'Vulnerable verifier' | 'Correct verifier', result: PracticeResult): string {
  if (!result.accepted) return `${verifier}: rejected: ${result.reason.replace(/^Rejected:\s*/, '')}`
  const exploited = result.exploited !== undefined ? ` (exploited: ${mistakeLabel[result.exploited]})` : ''
  return `${verifier}: accepted${exploited}`
}
