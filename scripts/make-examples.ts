/**
 * Generates the bundled examples: demo keys for every algorithm family, tokens signed with them,
 * and a check that each token verifies. Writes, under src/features/examples/:
 *   data/<id>.ts      one example's token and keys, a chunk of its own that loads when it is picked
 *   catalog.ts        the menu's ids and labels, the opening example's data, a lazy import for each other one
 *   examples-data.ts  every example at once, for tests and scripts (the app never imports it)
 * Adding an example is one entry in `specs` below and a run of this script.
 *
 *   npx tsx scripts/make-examples.ts           # adds missing examples, keeps the others as they are
 *   npx tsx scripts/make-examples.ts --fresh   # new keys and tokens for every example
 *
 * ES256K and Ed448 tokens are signed by node:crypto (OpenSSL), not by the engine they demonstrate,
 * and their kid is a thumbprint computed here; the engine then has to verify them.
 * The keys it makes are demo keys: they are published with the app, so they protect nothing.
 */
import { createHash, generateKeyPairSync, sign as nodeSign } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { decodeToken, generateKey, parseKey, signToken, verifyToken, type JwsAlgorithm, type SecretEncoding } from '../src/core'
import type { Example } from '../src/features/examples/example'
import { examples as current } from '../src/features/examples/examples-data'

const DIR = fileURLToPath(new URL('../src/features/examples/', import.meta.url))

// Fixed times keep the claims stable between runs: issued 2026-01-01, valid until 2100-01-01.
const ISSUED = 1767225600
const FAR_FUTURE = 4102444800

interface Spec {
  readonly id: string
  readonly label: string
  readonly alg: JwsAlgorithm
  readonly header?: Record<string, unknown>
  readonly payload: Record<string, unknown>
  /** Put the key's thumbprint into the header as `kid`. */
  readonly kid?: boolean
  /** Sign with node:crypto instead of the engine (algorithms the engine implements itself). */
  readonly signer?: 'node'
}

const person = { sub: '1234567890', name: 'Ada Lovelace', iat: ISSUED, exp: FAR_FUTURE }

/** The menu's order; the first one is the opening example, the only one in the first-paint JavaScript. */
const specs: readonly Spec[] = [
  { id: 'hs256', label: 'HS256 (shared secret)', alg: 'HS256', payload: { ...person, admin: false } },
  { id: 'rs256', label: 'RS256 (RSA)', alg: 'RS256', kid: true, payload: person },
  { id: 'ps256', label: 'PS256 (RSA-PSS)', alg: 'PS256', kid: true, payload: person },
  { id: 'es256', label: 'ES256 (ECDSA P-256)', alg: 'ES256', kid: true, payload: person },
  { id: 'eddsa', label: 'EdDSA (Ed25519)', alg: 'EdDSA', kid: true, payload: person },
  { id: 'es256k', label: 'ES256K (ECDSA secp256k1)', alg: 'ES256K', kid: true, payload: person, signer: 'node' },
  { id: 'ed448', label: 'Ed448 (EdDSA on Ed448)', alg: 'Ed448', kid: true, payload: person, signer: 'node' },
  { id: 'mldsa44', label: 'ML-DSA-44 (post-quantum)', alg: 'ML-DSA-44', kid: true, payload: person },
  {
    id: 'oidc',
    label: 'OpenID Connect ID token (RS256)',
    alg: 'RS256',
    kid: true,
    payload: {
      iss: 'https://login.example.com',
      sub: '248289761001',
      aud: 'jwt-lab-demo-client',
      exp: FAR_FUTURE,
      iat: ISSUED,
      auth_time: ISSUED - 60,
      nonce: 'n-0S6_WzA2Mj',
      name: 'Jane Doe',
      email: 'janedoe@example.com',
      email_verified: true,
    },
  },
  {
    id: 'expired',
    label: 'Expired token (ES256)',
    alg: 'ES256',
    kid: true,
    // Issued 2020-01-01T00:00:00Z, expired an hour later.
    payload: { sub: '1234567890', name: 'Ada Lovelace', iat: 1577836800, exp: 1577840400 },
  },
  { id: 'none', label: "Unsecured token (alg 'none')", alg: 'none', payload: { sub: '1234567890', name: 'Ada Lovelace', iat: ISSUED } },
]

function fail(message: string): never {
  console.error(`make-examples: ${message}`)
  process.exit(1)
}

const b64u = (data: string | Uint8Array) => Buffer.from(data).toString('base64url')

/** A key pair, a token and its kid made by node:crypto alone (RFC 7638 thumbprint by hand). */
function nodeSigned(spec: Spec): { token: string; privateText: string; publicText: string } {
  const { privateKey, publicKey } = spec.alg === 'ES256K' ? generateKeyPairSync('ec', { namedCurve: 'secp256k1' }) : generateKeyPairSync('ed448')
  const jwk = publicKey.export({ format: 'jwk' }) as Record<string, string>
  const members = jwk.kty === 'EC' ? ['crv', 'kty', 'x', 'y'] : ['crv', 'kty', 'x']
  const thumbprint = createHash('sha256').update(`{${members.map((m) => `"${m}":"${jwk[m]}"`).join(',')}}`).digest('base64url')
  const header = { alg: spec.alg, typ: 'JWT', ...(spec.kid ? { kid: thumbprint } : {}), ...spec.header }
  const input = `${b64u(JSON.stringify(header))}.${b64u(JSON.stringify(spec.payload))}`
  const signature = spec.alg === 'ES256K'
    ? nodeSign('sha256', Buffer.from(input), { key: privateKey, dsaEncoding: 'ieee-p1363' })
    : nodeSign(null, Buffer.from(input), privateKey)
  return {
    token: `${input}.${b64u(signature)}`,
    privateText: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
    publicText: publicKey.export({ type: 'spki', format: 'pem' }) as string,
  }
}

async function make(spec: Spec): Promise<Example> {
  const encoding: SecretEncoding = spec.alg.startsWith('HS') ? 'base64url' : 'utf8'
  if (spec.signer === 'node') {
    const { token, privateText, publicText } = nodeSigned(spec)
    await mustVerify(spec, token, publicText, encoding)
    return { id: spec.id, label: spec.label, token, algorithm: spec.alg, verificationKey: publicText, secretEncoding: encoding, signingKey: privateText, signingEncoding: encoding }
  }
  let privateText = ''
  let publicText = ''
  let thumbprint = ''
  if (spec.alg !== 'none') {
    const generated = await generateKey(spec.alg)
    if (!generated.ok) fail(`${spec.id}: ${generated.error.message}`)
    privateText = generated.value.privateText
    publicText = generated.value.publicText
    thumbprint = generated.value.thumbprint
  }
  const header = { alg: spec.alg, typ: 'JWT', ...(spec.kid ? { kid: thumbprint } : {}), ...spec.header }
  let key = null
  if (spec.alg !== 'none') {
    const parsed = await parseKey(privateText, { encoding })
    if (!parsed.ok) fail(`${spec.id}: ${parsed.error.message}`)
    key = parsed.value.keys[0] ?? fail(`${spec.id}: no key parsed`)
  }
  const signed = await signToken({ header: JSON.stringify(header), payload: JSON.stringify(spec.payload), alg: spec.alg, key })
  if (!signed.ok) fail(`${spec.id}: ${signed.error.message}`)
  const token = signed.value.token

  if (spec.alg !== 'none') await mustVerify(spec, token, publicText, encoding)
  return {
    id: spec.id,
    label: spec.label,
    token,
    algorithm: spec.alg,
    verificationKey: publicText,
    secretEncoding: encoding,
    signingKey: privateText,
    signingEncoding: encoding,
  }
}

async function mustVerify(spec: Spec, token: string, publicText: string, encoding: SecretEncoding): Promise<void> {
  const verifier = await parseKey(publicText, { encoding })
  if (!verifier.ok) fail(`${spec.id}: ${verifier.error.message}`)
  const verified = await verifyToken(decodeToken(token), verifier.value)
  if (!verified.ok || !verified.value.valid) fail(`${spec.id}: the new token does not verify`)
}

// Examples keep their keys and tokens between runs (tests and screenshots read them) unless --fresh.
const fresh = process.argv.includes('--fresh')
const examples: Example[] = []
for (const spec of specs) {
  const kept = fresh ? undefined : current.find((x) => x.id === spec.id && x.label === spec.label && x.algorithm === spec.alg)
  examples.push(kept ?? (await make(spec)))
}

const GENERATED = '// Generated by scripts/make-examples.ts (npx tsx scripts/make-examples.ts); do not edit by hand.'
const DEMO = `//
// DEMO KEYS: every private key and secret below is published with this app, so anyone can sign
// tokens with them. They exist only to make the examples verify; never use them for anything real.`
// Ids become module names and identifiers.
for (const x of examples) if (!/^[a-z][a-z0-9]*$/.test(x.id)) fail(`${x.id}: an id is lower-case letters and digits`)
const ident = (id: string) => `${id}Example`

mkdirSync(`${DIR}data`, { recursive: true })
for (const x of examples) {
  writeFileSync(`${DIR}data/${x.id}.ts`, `${GENERATED}
${DEMO}
import type { Example } from '../example'

export const example: Example = ${JSON.stringify(x, null, 2)}
`)
}

const [opening, ...others] = examples
if (opening === undefined) fail('no examples')
writeFileSync(`${DIR}catalog.ts`, `${GENERATED}
import type { ExampleEntry } from './example'
import { example as opening } from './data/${opening.id}'

/** The example a first visit opens with: its data is part of the first paint. */
export const openingExample = opening

/**
 * The Examples menu, in order. Only ids and labels are here: each other example's token and keys are a
 * chunk of their own, fetched when the user picks it (and precached by the service worker).
 */
export const exampleEntries: readonly ExampleEntry[] = [
  { id: ${JSON.stringify(opening.id)}, label: ${JSON.stringify(opening.label)}, load: () => Promise.resolve(opening) },
${others.map((x) => `  { id: ${JSON.stringify(x.id)}, label: ${JSON.stringify(x.label)}, load: async () => (await import('./data/${x.id}')).example },`).join('\n')}
]
`)

writeFileSync(`${DIR}examples-data.ts`, `${GENERATED}
//
// Every bundled example at once, for tests and scripts. The app does not import this module: it would
// put every example's keys into the first-paint JavaScript (the menu uses catalog.ts).
import type { Example } from './example'
${examples.map((x) => `import { example as ${ident(x.id)} } from './data/${x.id}'`).join('\n')}

/** The bundled examples in menu order, the opening (HS256) one first. */
export const examples: readonly Example[] = [${examples.map((x) => ident(x.id)).join(', ')}]
`)
console.log(`make-examples: wrote ${examples.length} examples to src/features/examples/data/, catalog.ts and examples-data.ts`)
