import { algorithmSpec, parsedSecret, parseKey, toPem, type GeneratedPair } from '../keys'
import { asymmetricToken, hmacToken, utf8 } from '../token'
import { err, ok, type Result } from '../result'
import type { ParsedKey } from '../types'
import type { PracticeEnv } from './types'
import { KEY_FOLDER } from './virtual-server'

/** Error codes of {@link createPracticeEnv}. */
export type PracticeEnvErrorCode = 'ENV_FAILED'

/** Options of {@link createPracticeEnv}. */
export interface PracticeEnvOptions {
  /** Fix the server's clock (seconds since the epoch); default: the real clock. */
  readonly now?: number
}

/**
 * Weak secrets the server may pick with `weakHmacSecret`: each is among the first thousand entries
 * of the common-password list the cracker uses, so cracking finds it in a moment.
 */
const WEAK_SECRETS: readonly string[] = ['secret', 'password', 'changeme', 'admin', 'letmein', 'qwerty', '123456', 'dragon']

/** `kid` of the server's own HMAC key, in its key folder and key table. */
const SERVER_HMAC_KID = 'hmac-main'
/** `kid` of the server's RSA key in the tokens it issues. */
const SERVER_RSA_KID = 'rsa-main'

const DAY = 86_400

/** A 2048-bit RSA or P-256 key pair from the algorithm's registry entry. */
async function pairFor(alg: 'RS256' | 'ES256'): Promise<GeneratedPair> {
  const pair = await algorithmSpec(alg)?.implementation.generatePair?.({ modulusLength: 2048 })
  if (pair === undefined) throw new TypeError(`${alg} key pairs cannot be generated`)
  return pair
}

/**
 * Sets up a fresh practice server: an RSA 2048 key pair (it issues RS256 tokens), an EC P-256 key
 * pair, a strong random HMAC secret, a weak HMAC secret from {@link WEAK_SECRETS}, a virtual file
 * system (`/dev/null` empty, the HMAC secret under `/srv/keys/hmac-main`), a `keys` table, and three
 * tokens: a user token (RS256, `role: user`), the same signed HS256 with the weak secret, and an
 * expired admin token (RS256). Private keys are not kept. Takes a moment (RSA generation).
 */
export async function createPracticeEnv(options: PracticeEnvOptions = {}): Promise<Result<PracticeEnv, PracticeEnvErrorCode>> {
  try {
    const now = options.now ?? Math.floor(Date.now() / 1000)
    const rsa = await pairFor('RS256')
    const ec = await pairFor('ES256')
    const rsaPublicPem = toPem(rsa.spki, 'PUBLIC KEY')
    const ecPublicPem = toPem(ec.spki, 'PUBLIC KEY')
    const rsaPublicKey = await onlyKey(rsaPublicPem)
    const ecPublicKey = await onlyKey(ecPublicPem)
    const secretText = hex(crypto.getRandomValues(new Uint8Array(32)))
    const hmacKey = await parsedSecret(utf8(secretText))
    const weakSecret = WEAK_SECRETS[crypto.getRandomValues(new Uint32Array(1))[0] as number % WEAK_SECRETS.length] as string

    const rsaHeader = `{"alg":"RS256","typ":"JWT","kid":"${SERVER_RSA_KID}"}`
    const user = (role: string, iat: number, exp: number, sub: string) => `{"sub":"${sub}","name":"${sub === 'alice' ? 'Alice' : 'Admin'}","role":"${role}","iat":${iat},"exp":${exp}}`
    const userToken = await asymmetricToken('RS256', rsa.privateKey, rsaHeader, user('user', now, now + DAY, 'alice'))
    const weakSecretUserToken = await hmacToken('SHA-256', utf8(weakSecret), '{"alg":"HS256","typ":"JWT"}', user('user', now, now + DAY, 'alice'))
    const expiredAdminToken = await asymmetricToken('RS256', rsa.privateKey, rsaHeader, user('admin', now - 2 * DAY, now - DAY, 'admin'))

    return ok({
      rsaPublicPem,
      rsaPublicKey,
      ecPublicPem,
      ecPublicKey,
      hmacKey,
      weakSecret,
      files: {
        '/dev/null': '',
        [`${KEY_FOLDER}/${SERVER_HMAC_KID}`]: secretText,
        [`${KEY_FOLDER}/server.pub`]: rsaPublicPem,
        '/etc/hostname': 'practice-server\n',
        '/etc/passwd': 'root:x:0:0:root:/root:/bin/sh\nwww-data:x:33:33:www-data:/var/www:/usr/sbin/nologin\n',
      },
      keyTable: [{ kid: SERVER_HMAC_KID, key: secretText }],
      hosted: {},
      userToken,
      weakSecretUserToken,
      expiredAdminToken,
      ...(options.now !== undefined ? { now: options.now } : {}),
    })
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message : String(cause)
    return err('ENV_FAILED', `The practice server could not be set up because key generation failed: ${detail}. Reload and try again.`)
  }
}

/**
 * The env with one more document "hosted" at `url` (a JWKS for `jku`, a PEM certificate for
 * `x5u`), replacing any earlier one there. Nothing is sent anywhere: the verifier looks URLs up here.
 */
export function hostDocument(env: PracticeEnv, url: string, text: string): PracticeEnv {
  return { ...env, hosted: { ...env.hosted, [url.trim()]: text } }
}

async function onlyKey(pem: string): Promise<ParsedKey> {
  const parsed = await parseKey(pem, { encoding: 'utf8' })
  if (!parsed.ok) throw new Error(parsed.error.message)
  return parsed.value.keys[0] as ParsedKey
}

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}
