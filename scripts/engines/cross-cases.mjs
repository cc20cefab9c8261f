// Cross-implementation cases for the engine suite: tokens signed and encrypted in Node by other
// implementations (node:crypto, liboqs, jose on Node's crypto) for the browser page to verify and
// decrypt, and an independent check in Node of the tokens each browser engine signed.
import { createHmac, createPublicKey, generateKeyPairSync, randomBytes, sign, verify, constants } from 'node:crypto'
import { createMLDSA44, createMLDSA65, createMLDSA87 } from '@oqs/liboqs-js/sig'
import { CompactEncrypt, FlattenedEncrypt, importJWK } from 'jose'

const b64u = (data) => Buffer.from(data).toString('base64url')
const HASH = { 256: 'sha256', 384: 'sha384', 512: 'sha512' }
const OQS = { 'ML-DSA-44': createMLDSA44, 'ML-DSA-65': createMLDSA65, 'ML-DSA-87': createMLDSA87 }

/** How node:crypto signs or verifies each JWS algorithm (the key is a KeyObject, or bytes for HMAC). */
function nodeScheme(alg) {
  const bits = alg.slice(2)
  if (alg.startsWith('HS')) return { hmac: HASH[bits] }
  if (alg.startsWith('RS')) return { hash: HASH[bits], options: { padding: constants.RSA_PKCS1_PADDING } }
  if (alg.startsWith('PS')) return { hash: HASH[bits], options: { padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: Number(bits) / 8 } }
  if (alg === 'ES256K') return { hash: 'sha256', options: { dsaEncoding: 'ieee-p1363' } }
  if (alg.startsWith('ES')) return { hash: HASH[bits], options: { dsaEncoding: 'ieee-p1363' } }
  return { hash: null, options: {} } // EdDSA, Ed25519, Ed448
}

const NODE_KEYS = [
  ['HS256', () => ({ secret: randomBytes(32) })],
  ['HS384', () => ({ secret: randomBytes(48) })],
  ['HS512', () => ({ secret: randomBytes(64) })],
  ...['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512'].map((alg) => [alg, () => generateKeyPairSync('rsa', { modulusLength: 2048 })]),
  ['ES256', () => generateKeyPairSync('ec', { namedCurve: 'P-256' })],
  ['ES384', () => generateKeyPairSync('ec', { namedCurve: 'P-384' })],
  ['ES512', () => generateKeyPairSync('ec', { namedCurve: 'P-521' })],
  ['ES256K', () => generateKeyPairSync('ec', { namedCurve: 'secp256k1' })],
  ['EdDSA', () => generateKeyPairSync('ed25519')],
  ['Ed25519', () => generateKeyPairSync('ed25519')],
  ['Ed448', () => generateKeyPairSync('ed448')],
]

/** Compact JWS tokens from node:crypto and liboqs, each key given once as JWK and once as PEM. */
export async function crossCases() {
  const cases = []
  for (const [alg, make] of NODE_KEYS) {
    const pair = make()
    const input = `${b64u(JSON.stringify({ alg, typ: 'JWT' }))}.${b64u(JSON.stringify({ iss: 'node:crypto', alg }))}`
    const scheme = nodeScheme(alg)
    if (pair.secret) {
      const token = `${input}.${createHmac(scheme.hmac, pair.secret).update(input).digest('base64url')}`
      cases.push({ id: `${alg} from node:crypto, base64url secret`, kind: 'jws', token, keyText: b64u(pair.secret), encoding: 'base64url', expected: alg })
      continue
    }
    const signature = sign(scheme.hash, Buffer.from(input), { key: pair.privateKey, ...scheme.options })
    const token = `${input}.${b64u(signature)}`
    const jwk = JSON.stringify(pair.publicKey.export({ format: 'jwk' }))
    const pem = pair.publicKey.export({ format: 'pem', type: 'spki' })
    cases.push({ id: `${alg} from node:crypto, public JWK`, kind: 'jws', token, keyText: jwk, encoding: 'utf8', expected: alg })
    cases.push({ id: `${alg} from node:crypto, SPKI PEM`, kind: 'jws', token, keyText: pem, encoding: 'utf8', expected: alg })
  }
  // EdDSA with an Ed448 key (RFC 8037's polymorphic name).
  {
    const pair = generateKeyPairSync('ed448')
    const input = `${b64u(JSON.stringify({ alg: 'EdDSA' }))}.${b64u('{"crv":"Ed448"}')}`
    const token = `${input}.${b64u(sign(null, Buffer.from(input), pair.privateKey))}`
    cases.push({ id: 'EdDSA (Ed448 key) from node:crypto, public JWK', kind: 'jws', token, keyText: JSON.stringify(pair.publicKey.export({ format: 'jwk' })), encoding: 'utf8', expected: 'EdDSA' })
  }
  for (const [alg, create] of Object.entries(OQS)) {
    const oqs = await create()
    const pair = oqs.generateKeyPair()
    const input = `${b64u(JSON.stringify({ alg }))}.${b64u('{"iss":"liboqs"}')}`
    const token = `${input}.${b64u(oqs.sign(new TextEncoder().encode(input), pair.secretKey))}`
    oqs.destroy()
    cases.push({ id: `${alg} from liboqs, AKP JWK`, kind: 'jws', token, keyText: JSON.stringify({ kty: 'AKP', alg, pub: b64u(pair.publicKey) }), encoding: 'utf8', expected: alg })
  }
  cases.push(...(await jweCases()))
  return cases
}

/** JWEs encrypted by jose on Node's crypto, for the engine to decrypt with its own WebCrypto. */
async function jweCases() {
  const plaintext = 'encrypted in Node — decrypted in the browser ✓'
  const data = new TextEncoder().encode(plaintext)
  const cases = []
  const pairCase = async (alg, enc, keyPair, label) => {
    const publicJwk = keyPair.publicKey.export({ format: 'jwk' })
    const token = await new CompactEncrypt(data).setProtectedHeader({ alg, enc }).encrypt(await importJWK(publicJwk, alg))
    cases.push({ id: `JWE ${alg} ${enc} (${label}) from jose on Node`, kind: 'jwe', token, keyText: keyPair.privateKey.export({ format: 'pem', type: 'pkcs8' }), encoding: 'utf8', expected: plaintext })
  }
  await pairCase('RSA-OAEP', 'A128GCM', generateKeyPairSync('rsa', { modulusLength: 2048 }), 'RSA 2048')
  await pairCase('RSA-OAEP-256', 'A256GCM', generateKeyPairSync('rsa', { modulusLength: 2048 }), 'RSA 2048')
  await pairCase('RSA-OAEP-512', 'A256CBC-HS512', generateKeyPairSync('rsa', { modulusLength: 2048 }), 'RSA 2048')
  await pairCase('ECDH-ES', 'A256GCM', generateKeyPairSync('ec', { namedCurve: 'P-256' }), 'P-256')
  await pairCase('ECDH-ES+A256KW', 'A128CBC-HS256', generateKeyPairSync('ec', { namedCurve: 'P-521' }), 'P-521')
  await pairCase('ECDH-ES+A128KW', 'A128GCM', generateKeyPairSync('x25519'), 'X25519')
  const secretCase = async (alg, enc, bytes) => {
    const k = randomBytes(bytes)
    const token = await new CompactEncrypt(data).setProtectedHeader({ alg, enc }).encrypt(k)
    cases.push({ id: `JWE ${alg} ${enc} from jose on Node`, kind: 'jwe', token, keyText: b64u(k), encoding: 'base64url', expected: plaintext })
  }
  await secretCase('A256KW', 'A256GCM', 32)
  await secretCase('A128GCMKW', 'A128CBC-HS256', 16)
  await secretCase('dir', 'A128CBC-HS256', 32)
  await secretCase('A192KW', 'A192GCM', 24)
  const password = 'Thus from my lips, by yours, my sin is purged.'
  const pbes2 = await new FlattenedEncrypt(data).setProtectedHeader({ alg: 'PBES2-HS256+A128KW', enc: 'A128GCM' }).setKeyManagementParameters({ p2c: 2048 }).encrypt(new TextEncoder().encode(password))
  cases.push({ id: 'JWE PBES2-HS256+A128KW A128GCM (flattened JSON) from jose on Node', kind: 'jwe', token: JSON.stringify(pbes2), keyText: password, encoding: 'utf8', expected: plaintext })
  return cases
}

/** Verifies in Node, independently of the browser, a token the engine signed; true when valid. */
export async function nodeVerifies({ alg, token, publicJwk }) {
  const [h, p, s] = token.split('.')
  const input = Buffer.from(`${h}.${p}`)
  const signature = Buffer.from(s, 'base64url')
  if (publicJwk.kty === 'AKP') {
    const oqs = await OQS[alg]()
    try {
      return oqs.verify(new Uint8Array(input), new Uint8Array(signature), new Uint8Array(Buffer.from(publicJwk.pub, 'base64url')))
    } finally {
      oqs.destroy()
    }
  }
  const scheme = nodeScheme(alg)
  if (scheme.hmac) {
    const expected = createHmac(scheme.hmac, Buffer.from(publicJwk.k, 'base64url')).update(input).digest()
    return expected.equals(signature)
  }
  // node:crypto reads the key material only; the app's metadata members are dropped.
  const material = Object.fromEntries(Object.entries(publicJwk).filter(([name]) => !['alg', 'use', 'kid'].includes(name)))
  return verify(scheme.hash, input, { key: createPublicKey({ key: material, format: 'jwk' }), ...scheme.options }, signature)
}

/** {@link nodeVerifies} for a token and the public key text the app shows (PEM, or a base64url secret). */
export async function nodeVerifiesPublicText(alg, token, keyText) {
  if (alg.startsWith('HS')) return nodeVerifies({ alg, token, publicJwk: { kty: 'oct', k: keyText.trim() } })
  if (alg.startsWith('ML-DSA')) {
    // An ML-DSA SPKI ends with the raw public key (RFC 9881): its size is fixed by the parameter set.
    const der = Buffer.from(keyText.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64')
    const size = { 'ML-DSA-44': 1312, 'ML-DSA-65': 1952, 'ML-DSA-87': 2592 }[alg]
    return nodeVerifies({ alg, token, publicJwk: { kty: 'AKP', alg, pub: b64u(der.subarray(der.length - size)) } })
  }
  return nodeVerifies({ alg, token, publicJwk: createPublicKey(keyText).export({ format: 'jwk' }) })
}
