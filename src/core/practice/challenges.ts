import { isJsonObject } from '../json-object'
import type { JsonValue } from '../types'
import type { Challenge, MistakeId, PracticeEnv, PracticeResult } from './types'
import { verifyPractice } from './verify-practice'

/** Whether a verdict solves the challenge of `mistake`: accepted through it, with `role: admin`. */
function solves(mistake: MistakeId) {
  return (result: PracticeResult, claims: JsonValue | undefined = result.claims): boolean =>
    result.accepted && result.exploited === mistake && isAdmin(claims)
}

function isAdmin(claims: JsonValue | undefined): boolean {
  return isJsonObject(claims) && claims['role'] === 'admin'
}

const GOAL = 'Get the verifier to accept a token whose payload has "role": "admin".'

function challenge(id: string, mistake: MistakeId, title: string, hints: readonly string[], start: Challenge['start'] = 'userToken', goal = GOAL): Challenge {
  return { id, title, mistake, goal, hints, start, check: solves(mistake) }
}

/**
 * One challenge per verifier mistake: with only that mistake switched on, make the practice verifier
 * accept a token with `role: admin`. Each names the env token to start from; hints go from gentle
 * to explicit.
 */
export const practiceChallenges: readonly Challenge[] = [
  challenge('none', 'acceptNone', 'Nobody signed this', [
    'The header tells the verifier how the token is signed. What if it says the token is not signed at all?',
    'Set "alg" to "none" (try other casings too) and leave the signature part empty, keeping the final dot.',
    'Attack lab: "Unsigned token (alg "none")".',
  ]),
  challenge('decode-only', 'skipSignature', 'Read, not verified', [
    'Does this verifier look at the signature at all?',
    'Change "role" in the payload and keep the old header and signature.',
    'Attack lab: "Claim tampering (old signature kept)".',
  ]),
  challenge('empty-secret', 'emptyHmacSecret', 'The secret nobody set', [
    'The server verifies HS256 tokens, but its secret setting was never filled in.',
    'Sign an HS256 token with an empty secret.',
    'Attack lab: "HS256 with an empty secret".',
  ]),
  challenge('key-confusion', 'algFromHeader', 'Public key, private secret', [
    'The server has one key: its RSA public key, which it publishes. Which algorithm decides how that key is used?',
    'Switch "alg" to HS256 and use the bytes of the public key PEM, exactly as the server stores it, as the HMAC secret.',
    "Attack lab: \"Algorithm confusion\" with the server's public key; mind the final line break.",
  ]),
  challenge('embedded-jwk', 'trustHeaderJwk', 'Bring your own key', [
    'A token header can carry a public key in "jwk". Which key does this verifier use?',
    'Generate a key pair, sign with the private key and put the public key in the header.',
    'Attack lab: "Embedded key (header "jwk")".',
  ]),
  challenge('jku', 'trustJku', 'Keys from anywhere', [
    'The verifier downloads keys from the URL in the token header.',
    'Host a JWKS with your own public key (paste it into the hosted documents) and point "jku" at it; sign with your private key.',
    'Attack lab: "Key URL injection (header "jku")", then host the JWKS it shows.',
  ]),
  challenge('kid-path', 'kidAsPath', 'A file everybody knows', [
    `The verifier reads the HMAC secret from a file named by "kid" in its key folder.`,
    'Which file has content you know for sure? "../" climbs out of the folder.',
    'Attack lab: "Key ID path traversal" (/dev/null is empty, so the secret is empty).',
  ]),
  challenge('kid-sql', 'kidAsSql', 'Choose your own key', [
    'The verifier finds the key with SQL: SELECT key FROM keys WHERE kid = \'<kid>\'.',
    'Close the quote, add UNION SELECT with a key you choose, comment out the rest, and sign with that key.',
    'Attack lab: "Key ID SQL injection".',
  ]),
  challenge('kid-command', 'kidAsCommand', 'Shell game', [
    'The verifier runs cat /srv/keys/<kid> in a shell to read the key.',
    'A ";" starts a second command; make it print a key you choose (echo -n prints without a line break).',
    'Attack lab: "Key ID command injection".',
  ]),
  challenge('psychic', 'psychicSignature', 'Psychic paper', [
    'The server accepts ES256 tokens, and its ECDSA check skips a range check.',
    'An ECDSA signature is two numbers, r and s. What happens when both are zero?',
    'Attack lab: "Psychic signature (ECDSA r = s = 0)": 64 zero bytes as the signature.',
  ]),
  challenge('weak-secret', 'weakHmacSecret', 'Guessable secret', [
    'Start from the HS256 user token: its secret is a common word.',
    'Crack the secret with a word list, then sign an admin token with it.',
    'Use "Crack secret" on the HS256 user token, change "role" and sign with the secret found.',
  ], 'weakSecretUserToken'),
  challenge('expired', 'ignoreExp', 'Yesterday\'s admin', [
    'You found an old admin token. It has expired, but who checks?',
    'Send the expired admin token unchanged.',
    'Its "exp" is in the past; this verifier ignores "exp".',
  ], 'expiredAdminToken', 'Get the verifier to accept a token whose payload has "role": "admin" (an expired one will do).'),
]

/**
 * Whether `token` solves `challenge` in `env`: the practice verifier with only the challenge's
 * mistake switched on accepts it, because of that mistake, and its payload has `role: admin`.
 */
export async function challengeSucceeded(challenge: Challenge, token: string, env: PracticeEnv): Promise<boolean> {
  const result = await verifyPractice(token, { [challenge.mistake]: true }, env)
  return challenge.check(result)
}
