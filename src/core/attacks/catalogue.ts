import type { AttackId, AttackInfo } from './types'

/**
 * Every attack the lab crafts, in the order a course would teach them: what verifier bug each one
 * exploits, how to fix it, where it is documented and which inputs it needs.
 */
export const attackCatalogue: readonly AttackInfo[] = [
  {
    id: 'alg-none',
    title: 'Unsigned token (alg "none")',
    exploits: 'The verifier takes the algorithm from the token header and accepts "none", which means the token carries no signature at all. Comparing the algorithm case-insensitively, or blocking only the exact string "none", lets "None", "NONE" or "nOnE" through as well.',
    fix: 'Choose the accepted algorithms on the server (for example only RS256) and reject every other "alg", "none" in any casing included. Never let the token say how it should be checked.',
    references: ['RFC 7518 §3.6', 'RFC 8725 §2.1', 'RFC 8725 §3.1'],
    inputs: [],
  },
  {
    id: 'empty-hmac-secret',
    title: 'HS256 with an empty secret',
    exploits: 'The verifier checks HS256 signatures with a secret that is empty, typically because the setting holding it was never set. Anyone can compute an HMAC with an empty key, so any claims pass.',
    fix: 'Refuse to start without a secret, and require HMAC secrets of at least the hash size (32 random bytes for HS256). Libraries should reject empty keys.',
    references: ['RFC 7518 §3.2', 'RFC 8725 §3.5'],
    inputs: [],
  },
  {
    id: 'key-confusion',
    title: 'Algorithm confusion (RS256 public key used as HS256 secret)',
    exploits: 'The verifier holds an RSA or EC public key and lets the token header pick the algorithm. With "alg": "HS256" it feeds its public key text to HMAC as the secret. The public key is public, so the attacker computes the same HMAC. The exact bytes matter: the PEM with or without its final line break, or the JWK text.',
    fix: 'Bind each key to one algorithm on the server and verify with that algorithm, not the header\'s. Libraries should refuse to use an asymmetric key as an HMAC secret.',
    references: ['RFC 8725 §2.1', 'RFC 8725 §3.1', 'CVE-2015-9235', 'CVE-2016-10555'],
    inputs: ['publicKey'],
  },
  {
    id: 'embedded-jwk',
    title: 'Embedded key (header "jwk")',
    exploits: 'The verifier checks the signature with the public key found in the token\'s own "jwk" header. The attacker generates a key pair, signs with the private key and embeds the public key: the token vouches for itself.',
    fix: 'Verify only with keys the server already trusts. Ignore "jwk" unless it matches a known key (compare thumbprints), and never use a key just because the token contains it.',
    references: ['RFC 7515 §4.1.3', 'RFC 8725 §3.10', 'CVE-2018-0114'],
    inputs: ['keyType'],
  },
  {
    id: 'jku-injection',
    title: 'Key URL injection (header "jku")',
    exploits: 'The verifier downloads the key set named by the token\'s "jku" header and trusts it. The attacker hosts a JWKS with their own public key at a URL they control and signs with the matching private key.',
    fix: 'Fetch keys only from a fixed, configured JWKS URL (or an exact allowlist). Ignore "jku" in tokens, or compare it exactly with the expected URL before any request.',
    references: ['RFC 7515 §4.1.2', 'RFC 8725 §3.10'],
    inputs: ['url', 'keyType'],
  },
  {
    id: 'x5u-injection',
    title: 'Certificate URL injection (header "x5u")',
    exploits: 'The verifier downloads the X.509 certificate named by the token\'s "x5u" header and uses its public key without checking who issued it. The attacker hosts a self-signed certificate for their own key.',
    fix: 'Use certificates only from configured locations and validate the chain up to a trusted root, the names and the dates. Ignore "x5u" otherwise.',
    references: ['RFC 7515 §4.1.5', 'RFC 8725 §3.10'],
    inputs: ['url', 'keyType'],
  },
  {
    id: 'kid-path-traversal',
    title: 'Key ID path traversal ("kid": "../../dev/null")',
    exploits: 'The verifier builds a file path from the "kid" header and uses the file\'s content as the HMAC secret. "../" climbs out of the key folder to a file whose content the attacker knows: /dev/null is empty, so the secret is empty.',
    fix: 'Treat "kid" as an opaque name: look it up in a fixed map of known keys, never use it in file paths, and reject unknown values.',
    references: ['RFC 7515 §4.1.4', 'RFC 8725 §3.10'],
    inputs: [],
  },
  {
    id: 'kid-sql-injection',
    title: 'Key ID SQL injection',
    exploits: 'The verifier pastes the "kid" header into an SQL query to find the key. A quote ends the string and a UNION SELECT makes the query return a key the attacker chose, which then signs the token.',
    fix: 'Use parameterised queries (never string concatenation) and check that "kid" is one of the known key IDs before any lookup.',
    references: ['RFC 7515 §4.1.4', 'RFC 8725 §3.10'],
    inputs: [],
  },
  {
    id: 'kid-command-injection',
    title: 'Key ID command injection',
    exploits: 'The verifier reads the key by running a shell command with the "kid" header in it. A ";" ends the intended command and a second one prints a key the attacker chose.',
    fix: 'Never pass header values to a shell. Read keys from a fixed map of known key IDs.',
    references: ['RFC 7515 §4.1.4', 'RFC 8725 §3.10'],
    inputs: [],
  },
  {
    id: 'psychic-signature',
    title: 'Psychic signature (ECDSA r = s = 0)',
    exploits: 'The verifier\'s ECDSA check does not reject r = 0 and s = 0, which ECDSA forbids (both must be between 1 and n − 1). With zeros the check compares 0 with 0 and passes for every message and every key. Java 15 to 18 had this bug.',
    fix: 'Use an ECDSA implementation that rejects r or s outside 1 … n − 1 (patched Java, WebCrypto, OpenSSL), and keep libraries up to date.',
    references: ['CVE-2022-21449', 'RFC 7518 §3.4'],
    inputs: [],
  },
  {
    id: 'claim-tampering',
    title: 'Claim tampering (old signature kept)',
    exploits: 'The application decodes the token without verifying its signature (for example a "decode" call where "verify" was meant). Changed claims with the old signature are read as if they were genuine.',
    fix: 'Always verify the signature before reading any claim, and reject the token when it does not match.',
    references: ['RFC 7515 §5.2', 'RFC 7519 §7.2'],
    inputs: ['originalToken'],
  },
]

/** The catalogue entry of an attack. */
export function attackInfo(id: AttackId): AttackInfo {
  return attackCatalogue.find((a) => a.id === id) as AttackInfo
}
