/**
 * Random, reproducible mutations of valid tokens: case `index` of seed `seed` is always the same
 * token and key text. A case is a signed base token (header shape × payload × key form, signed with
 * node:crypto) with at most one header change and one segment-text change made before signing,
 * and up to two tamperings made after it (signature text or bytes, payload, header, whole token).
 */
import { ALGS, type Alg, type KeyForm, type KeyWorld } from './keys'
import { CURVE_ORDER, ED25519_ORDER, bigFromBytes, bytesFromBig, ecdsaDer } from './forge'
import { Prng } from './prng'

export interface Case {
  readonly index: number
  /** The algorithm the token was signed with (the header may say otherwise after a mutation). */
  readonly alg: Alg
  readonly form: KeyForm
  readonly token: string
  /** Every change made, in order, e.g. `header:crit-x-present`, `sig:pad`. */
  readonly steps: readonly string[]
  /** The header JSON text before base64url encoding. */
  readonly headerText: string
  /** The payload travels unencoded (RFC 7797 `b64: false`) in the middle segment. */
  readonly rawPayload: boolean
}

const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'

const PAYLOADS: readonly string[] = [
  '{"sub":"1234567890","name":"John Doe","iat":1516239022}',
  '{"sub":"admin","role":"admin","exp":4102444800}',
  '{"iss":"https://issuer.example","aud":["api","web"],"name":"Zoë ✓ 日本"}',
  '{"id":12345678901234567890,"scope":"read write"}',
  '{}',
  'hello world',
  '',
]

/** ASCII and free of '.', as RFC 7797 §5.2 requires of an unencoded payload in the compact form. */
const RAW_PAYLOADS: readonly string[] = ['{"sub":"admin","iat":1516239022}', '$', 'hello']

const enc = new TextEncoder()
const b64u = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url')
const b64uText = (text: string) => b64u(enc.encode(text))
const fromB64u = (text: string) => new Uint8Array(Buffer.from(text, 'base64url'))

function insertAt(text: string, index: number, piece: string): string {
  return text.slice(0, index) + piece + text.slice(index)
}

function replaceAt(text: string, index: number, piece: string): string {
  return text.slice(0, index) + piece + text.slice(index + 1)
}

function otherChar(prng: Prng, current: string | undefined): string {
  let c = prng.pick([...B64URL])
  while (c === current) c = prng.pick([...B64URL])
  return c
}

/** Sets unused bits of the last character, or returns undefined when the length has none. */
function nonCanonical(prng: Prng, seg: string): string | undefined {
  const rest = seg.length % 4
  if (rest !== 2 && rest !== 3) return undefined
  const mask = rest === 2 ? 0x0f : 0x03
  const v = B64URL.indexOf(seg[seg.length - 1] as string)
  return seg.slice(0, -1) + (B64URL[(v & ~mask) | (1 + prng.int(mask))] as string)
}

/** Header changes made before signing (some twice as likely). */
const HEADER_PLANS: readonly string[] = [
  'crit-x-present', 'crit-x-absent', 'crit-empty', 'crit-alg', 'crit-kid', 'crit-string', 'crit-number', 'crit-duplicate', 'crit-empty-name', 'crit-b64-true',
  'b64-false-crit-raw', 'b64-false-crit-raw', 'b64-false-crit-encoded', 'b64-false-no-crit', 'b64-false-no-crit-raw', 'b64-true-no-crit',
  'alg-case', 'alg-none', 'alg-other-family', 'kid-add', 'kid-number', 'kid-empty', 'kid-object', 'kid-other',
  'dup-alg-same', 'dup-alg-none-first', 'dup-alg-real-first', 'dup-typ', 'dup-crit',
  'whitespace-json', 'whitespace-pretty', 'bom', 'not-object', 'extra-member', 'unicode-member',
]

/** Changes of a header or payload segment's text made before signing. */
const SEGMENT_TEXT_KINDS: readonly string[] = ['pad', 'whitespace', 'non-canonical', 'base64', 'invalid-char', 'append']

/** Tamperings after signing, for every algorithm and for ECDSA and EdDSA only. */
const TAMPER_KINDS: readonly string[] = [
  'sig:replace', 'sig:insert', 'sig:delete', 'sig:pad', 'sig:base64', 'sig:whitespace', 'sig:append', 'sig:truncate', 'sig:case',
  'sig:non-canonical', 'sig:non-canonical', 'sig:invalid-char', 'sig:bitflip', 'sig:zero', 'sig:empty', 'sig:other-alg',
  'payload:char', 'payload:bit', 'payload:reencode', 'payload:padded',
  'header:alg-swap', 'header:alg-none-unsigned', 'header:alg-recase',
  'token:trailing-newline', 'token:leading-space', 'token:extra-dot', 'token:trailing-space',
]
const ECDSA_TAMPER_KINDS: readonly string[] = ['sig:ecdsa-high-s', 'sig:ecdsa-high-s', 'sig:ecdsa-der']
const EDDSA_TAMPER_KINDS: readonly string[] = ['sig:ed25519-s-plus-l']

/** Every step name a case can record (without the detail in parentheses). */
export const STEP_KINDS: readonly string[] = [
  ...new Set([
    ...HEADER_PLANS.map((k) => `header:${k}`),
    ...SEGMENT_TEXT_KINDS.flatMap((k) => [`header-text:${k}`, `payload-text:${k}`]),
    ...TAMPER_KINDS,
    ...ECDSA_TAMPER_KINDS,
    ...EDDSA_TAMPER_KINDS,
  ]),
]

interface HeaderPlan {
  readonly text: string
  readonly step?: string
  /** The payload goes into the token unencoded (RFC 7797). */
  readonly raw?: boolean
}

function baseHeader(prng: Prng, alg: string, form: KeyForm): Record<string, unknown> {
  const kid = form.kid !== undefined && prng.chance(0.7) ? form.kid : undefined
  switch (prng.int(4)) {
    case 0:
      return kid !== undefined ? { alg, kid } : { alg }
    case 1:
      return kid !== undefined ? { alg, typ: 'JWT', kid } : { alg, typ: 'JWT' }
    case 2:
      return kid !== undefined ? { typ: 'JWT', kid, alg } : { typ: 'JWT', alg }
    default:
      return kid !== undefined ? { kid, alg, typ: 'at+jwt' } : { alg, typ: 'at+jwt' }
  }
}

function recase(prng: Prng, alg: string): string {
  const variants = [alg.toLowerCase(), alg.toUpperCase(), alg[0]?.toLowerCase() + alg.slice(1), `${alg} `, ` ${alg}`].filter((v) => v !== alg)
  return prng.pick(variants)
}

/** One header change made before signing, so that only the header rule decides. */
function headerPlan(prng: Prng, header: Record<string, unknown>, alg: Alg, form: KeyForm): HeaderPlan {
  const json = (value: unknown) => JSON.stringify(value)
  const kind = prng.pick(HEADER_PLANS)
  const h = { ...header }
  const step = `header:${kind}`
  switch (kind) {
    case 'crit-x-present': return { step, text: json({ ...h, crit: ['x'], x: 1 }) }
    case 'crit-x-absent': return { step, text: json({ ...h, crit: ['x'] }) }
    case 'crit-empty': return { step, text: json({ ...h, crit: [] }) }
    case 'crit-alg': return { step, text: json({ ...h, crit: ['alg'] }) }
    case 'crit-kid': return { step, text: json({ ...h, kid: h.kid ?? 'k1', crit: ['kid'] }) }
    case 'crit-string': return { step, text: json({ ...h, crit: 'x', x: 1 }) }
    case 'crit-number': return { step, text: json({ ...h, crit: [1] }) }
    case 'crit-duplicate': return { step, text: json({ ...h, crit: ['x', 'x'], x: 1 }) }
    case 'crit-empty-name': return { step, text: json({ ...h, crit: [''], '': 1 }) }
    case 'crit-b64-true': return { step, text: json({ ...h, b64: true, crit: ['b64'] }) }
    case 'b64-false-crit-raw': return { step, text: json({ ...h, b64: false, crit: ['b64'] }), raw: true }
    // jose then signs over the payload segment's text as it stands, which here is base64url.
    case 'b64-false-crit-encoded': return { step, text: json({ ...h, b64: false, crit: ['b64'] }) }
    case 'b64-false-no-crit': return { step, text: json({ ...h, b64: false }) }
    case 'b64-false-no-crit-raw': return { step, text: json({ ...h, b64: false }), raw: true }
    case 'b64-true-no-crit': return { step, text: json({ ...h, b64: true }) }
    case 'alg-case': return { step, text: json({ ...h, alg: recase(prng, alg) }) }
    case 'alg-none': return { step, text: json({ ...h, alg: 'none' }) }
    case 'alg-other-family': return { step, text: json({ ...h, alg: prng.pick(ALGS.filter((a) => a.slice(0, 2) !== alg.slice(0, 2))) }) }
    case 'kid-add': return { step, text: json({ ...h, kid: prng.pick(['k1', 'unknown', form.signer, '../../etc/passwd']) }) }
    case 'kid-number': return { step, text: json({ ...h, kid: 7 }) }
    case 'kid-empty': return { step, text: json({ ...h, kid: '' }) }
    case 'kid-object': return { step, text: json({ ...h, kid: { id: form.kid ?? 'k1' } }) }
    case 'kid-other': return { step, text: json({ ...h, kid: prng.pick(['ec-p256-key', 'ed25519-key', 'rsa-2048-key', 'rsa-3072-key']) }) }
    case 'dup-alg-same': return { step, text: `{"alg":${json(h.alg)},${json(h).slice(1)}` }
    case 'dup-alg-none-first': return { step, text: `{"alg":"none",${json(h).slice(1)}` }
    case 'dup-alg-real-first': return { step, text: `${json(h).slice(0, -1)},"alg":"none"}` }
    case 'dup-typ': return { step, text: `{"typ":"JWT",${json({ ...h, typ: 'JWT' }).slice(1)}` }
    case 'dup-crit': return { step, text: `{"crit":["unknown"],${json(h).slice(1, -1)},"crit":["x"],"x":1}` }
    case 'whitespace-json': return { step, text: json(h).replace(/,/g, ', ').replace(/:/g, ' : ').replace('{', '{ ') }
    case 'whitespace-pretty': return { step, text: JSON.stringify(h, null, prng.pick([2, '\t'])) + prng.pick(['', '\n', '\r\n']) }
    case 'bom': return { step, text: `\ufeff${json(h)}` }
    case 'not-object': return { step, text: json(prng.pick([[h.alg], h.alg, null, 1])) }
    case 'extra-member': return { step, text: json({ ...h, [prng.pick(['x5t', 'cty', 'foo', 'jku', 'zip'])]: prng.pick(['bar', 1, true]) }) }
    default: return { step, text: json({ ...h, 'näme': '✓' }) }
  }
}

/** One change of a header or payload segment's text made before signing: the signature matches it. */
function segmentText(prng: Prng, seg: string): [string, string] {
  const kind = prng.pick(SEGMENT_TEXT_KINDS)
  switch (kind) {
    case 'pad': return [kind, seg + prng.pick(['=', '=='])]
    case 'whitespace': return [kind, insertAt(seg, prng.int(seg.length + 1), prng.pick([' ', '\n', '\r\n', '\t']))]
    case 'non-canonical': {
      const changed = nonCanonical(prng, seg)
      return changed === undefined ? ['pad', `${seg}=`] : [kind, changed]
    }
    case 'base64': {
      const changed = seg.replace(/-/g, '+').replace(/_/g, '/')
      return changed !== seg ? [kind, changed] : [kind, replaceAt(seg, prng.int(seg.length), prng.pick(['+', '/']))]
    }
    case 'invalid-char': return [kind, insertAt(seg, prng.int(seg.length + 1), prng.pick(['!', '%', '~', '*', '\u00e9', '\u200b']))]
    default: return [kind, seg + otherChar(prng, undefined)]
  }
}

type Parts = [string, string, string]

/** Tamperings made after signing: the signature no longer covers what changed, or its text is bent. */
function tamper(prng: Prng, world: KeyWorld, c: { alg: Alg; form: KeyForm; parts: Parts; headerText: string; input: Uint8Array }): string {
  const [h, p, s] = c.parts
  const family = c.alg.slice(0, 2)
  const kinds = family === 'ES' ? [...TAMPER_KINDS, ...ECDSA_TAMPER_KINDS] : family === 'Ed' ? [...TAMPER_KINDS, ...EDDSA_TAMPER_KINDS] : TAMPER_KINDS
  const kind = prng.pick(kinds)
  const set = (parts: Parts) => {
    c.parts[0] = parts[0]
    c.parts[1] = parts[1]
    c.parts[2] = parts[2]
  }
  switch (kind) {
    case 'sig:replace': {
      const i = prng.int(Math.max(1, s.length))
      set([h, p, replaceAt(s, i, otherChar(prng, s[i]))])
      return kind
    }
    case 'sig:insert': set([h, p, insertAt(s, prng.int(s.length + 1), otherChar(prng, undefined))]); return kind
    case 'sig:delete': {
      const i = prng.int(Math.max(1, s.length))
      set([h, p, s.slice(0, i) + s.slice(i + 1)])
      return kind
    }
    case 'sig:pad': set([h, p, s + prng.pick(['=', '=='])]); return kind
    case 'sig:base64': {
      const changed = s.replace(/-/g, '+').replace(/_/g, '/')
      set([h, p, changed !== s ? changed : replaceAt(s, prng.int(Math.max(1, s.length)), prng.pick(['+', '/']))])
      return kind
    }
    case 'sig:whitespace': set([h, p, insertAt(s, prng.int(s.length + 1), prng.pick([' ', '\n', '\r\n', '\t']))]); return kind
    case 'sig:append': set([h, p, s + otherChar(prng, undefined)]); return kind
    case 'sig:truncate': set([h, p, s.slice(0, Math.max(0, s.length - 1 - prng.int(4)))]); return kind
    case 'sig:case': {
      const letters = [...s].map((ch, i) => (/[A-Za-z]/.test(ch) ? i : -1)).filter((i) => i >= 0)
      if (letters.length === 0) return 'sig:case(no letter)'
      const i = prng.pick(letters)
      const ch = s[i] as string
      set([h, p, replaceAt(s, i, ch === ch.toLowerCase() ? ch.toUpperCase() : ch.toLowerCase())])
      return kind
    }
    case 'sig:non-canonical': {
      const changed = nonCanonical(prng, s)
      if (changed === undefined) {
        set([h, p, `${s}=`])
        return 'sig:pad'
      }
      set([h, p, changed])
      return kind
    }
    case 'sig:invalid-char': set([h, p, insertAt(s, prng.int(s.length + 1), prng.pick(['!', '%', '~', '*', '\u00e9', '\u0000', '\u200b', '.']))]); return kind
    case 'sig:bitflip': {
      const bytes = fromB64u(s)
      if (bytes.length === 0) return 'sig:bitflip(empty)'
      const i = prng.int(bytes.length)
      bytes[i] = (bytes[i] as number) ^ (1 << prng.int(8))
      set([h, p, b64u(bytes)])
      return kind
    }
    case 'sig:zero': set([h, p, b64u(new Uint8Array(fromB64u(s).length))]); return kind
    case 'sig:empty': set([h, p, '']); return kind
    case 'sig:other-alg': {
      // Only where signing is cheap: an RSA or ECDSA signature per base and algorithm costs milliseconds.
      const others = family === 'HS' || family === 'Ed' ? ALGS.filter((a) => a !== c.alg && a.slice(0, 2) === family) : []
      if (others.length === 0) return 'sig:other-alg(none)'
      const sig = world.signature(c.form, prng.pick(others), c.input)
      if (sig === undefined) return 'sig:other-alg(none)'
      set([h, p, b64u(sig)])
      return kind
    }
    case 'sig:ecdsa-high-s': {
      const raw = fromB64u(s)
      const crv = { ES256: 'P-256', ES384: 'P-384', ES512: 'P-521' }[c.alg as 'ES256']
      const half = raw.length / 2
      if (crv === undefined || half !== { 'P-256': 32, 'P-384': 48, 'P-521': 66 }[crv]) return 'sig:ecdsa-high-s(n/a)'
      const n = CURVE_ORDER[crv] as bigint
      const sValue = bigFromBytes(raw.subarray(half))
      if (sValue === 0n || sValue >= n) return 'sig:ecdsa-high-s(n/a)'
      set([h, p, b64u(new Uint8Array([...raw.subarray(0, half), ...bytesFromBig(n - sValue, half)]))])
      return kind
    }
    case 'sig:ecdsa-der': {
      const raw = fromB64u(s)
      if (raw.length === 0 || raw.length % 2 !== 0) return 'sig:ecdsa-der(n/a)'
      set([h, p, b64u(ecdsaDer(raw))])
      return kind
    }
    case 'sig:ed25519-s-plus-l': {
      const raw = fromB64u(s)
      if (raw.length !== 64) return 'sig:ed25519-s-plus-l(n/a)'
      const sLe = raw.slice(32).reverse()
      if (bigFromBytes(sLe) + ED25519_ORDER >= 1n << 256n) return 'sig:ed25519-s-plus-l(n/a)'
      const bumped = bytesFromBig(bigFromBytes(sLe) + ED25519_ORDER, 32).reverse()
      set([h, p, b64u(new Uint8Array([...raw.subarray(0, 32), ...bumped]))])
      return kind
    }
    case 'payload:char': {
      if (p.length === 0) {
        set([h, 'e30', s])
        return kind
      }
      const i = prng.int(p.length)
      set([h, replaceAt(p, i, otherChar(prng, p[i])), s])
      return kind
    }
    case 'payload:bit': {
      const bytes = fromB64u(p)
      if (bytes.length === 0) {
        set([h, 'AA', s])
        return kind
      }
      const i = prng.int(bytes.length)
      bytes[i] = (bytes[i] as number) ^ (1 << prng.int(8))
      set([h, b64u(bytes), s])
      return kind
    }
    case 'payload:reencode': {
      const text = Buffer.from(p, 'base64url').toString('utf8')
      let changed: string
      try {
        changed = JSON.stringify(JSON.parse(text), null, 1)
      } catch {
        changed = `${text} `
      }
      set([h, b64uText(changed === text ? `${text} ` : changed), s])
      return kind
    }
    case 'payload:padded': set([h, `${p}=`, s]); return kind
    case 'header:alg-swap':
    case 'header:alg-none-unsigned':
    case 'header:alg-recase': {
      let header: Record<string, unknown>
      try {
        header = JSON.parse(c.headerText.replace(/^\ufeff/, '')) as Record<string, unknown>
      } catch {
        return `${kind}(unparsable)`
      }
      if (typeof header !== 'object' || header === null || Array.isArray(header)) return `${kind}(not an object)`
      const alg = typeof header.alg === 'string' ? header.alg : c.alg
      if (kind === 'header:alg-none-unsigned') {
        set([b64uText(JSON.stringify({ ...header, alg: prng.pick(['none', 'None', 'NONE', 'nOnE']) })), p, ''])
        return kind
      }
      const next = kind === 'header:alg-recase' ? recase(prng, alg) : prng.pick([...ALGS.filter((a) => a !== alg), 'none'])
      set([b64uText(JSON.stringify({ ...header, alg: next })), p, s])
      return kind
    }
    case 'token:trailing-newline': set([h, p, `${s}${prng.pick(['\n', '\r\n'])}`]); return kind
    case 'token:trailing-space': set([h, p, `${s} `]); return kind
    case 'token:leading-space': set([` ${h}`, p, s]); return kind
    default: set([h, p, `${s}.`]); return kind
  }
}

/**
 * How often each algorithm is drawn. A P-521 verification costs about ten times an RSA-2048 one and
 * P-384 about three times, on each side; fewer of those cases keep the run short while every
 * algorithm still gets thousands of cases.
 */
const ALG_WEIGHTS: readonly (readonly [Alg, number])[] = ALGS.map((alg) => [alg, alg === 'ES512' ? 0.3 : alg === 'ES384' ? 0.55 : alg.startsWith('HS') ? 1.2 : 1])

interface Base {
  readonly parts: Parts
  readonly steps: readonly string[]
  readonly headerText: string
  readonly rawPayload: boolean
  readonly input: Uint8Array
}

/** FNV-1a, to derive a base's generator stream from its name. */
function hash(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0
  return h
}

/**
 * Makes the cases of one run. Signing is the slow part (RSA-3072 and P-521 take milliseconds, the
 * e = 2 forgeries far longer), so every key and algorithm draws its signed base tokens from a fixed,
 * seeded set; the tamperings after signing are drawn per case.
 */
export class CaseMaker {
  private readonly bases = new Map<string, Base>()

  constructor(
    private readonly world: KeyWorld,
    readonly seed: number,
  ) {}

  /** Distinct signed bases made so far. */
  get baseCount(): number {
    return this.bases.size
  }

  private basesPerKey(form: KeyForm): number {
    // Each e = 2 forgery takes a square root modulo both primes of the key in BigInt arithmetic.
    if (form.kind === 'degenerate') return form.signer === 'rsa-2048-e2' ? 2 : 4
    if (form.signer === 'rsa-3072' || form.signer === 'ec-p521') return 16
    return 48
  }

  private base(form: KeyForm, alg: Alg, n: number): Base {
    const name = `${form.signer}|${form.kid ?? ''}|${alg}|${n}`
    let base = this.bases.get(name)
    if (base !== undefined) return base
    const prng = new Prng(this.seed, hash(name))
    const steps: string[] = []
    const header = baseHeader(prng, alg, form)
    let plan: HeaderPlan = { text: JSON.stringify(header) }
    // Forged signatures are the point of degenerate keys and confusion; keep many of those plain.
    const rate = form.kind === 'degenerate' || form.kind === 'confusion' ? 0.5 : 1
    if (n > 0 && prng.chance(0.55 * rate)) {
      plan = headerPlan(prng, header, alg, form)
      if (plan.step !== undefined) steps.push(plan.step)
    }
    const rawPayload = plan.raw === true
    const payloadText = rawPayload ? prng.pick(RAW_PAYLOADS) : prng.pick(PAYLOADS)
    let h = b64uText(plan.text)
    let p = rawPayload ? payloadText : b64uText(payloadText)
    if (n > 0 && prng.chance(0.15 * rate)) {
      const onHeader = rawPayload || prng.chance(0.5)
      const [kind, changed] = segmentText(prng, onHeader ? h : p)
      steps.push(`${onHeader ? 'header-text' : 'payload-text'}:${kind}`)
      if (onHeader) h = changed
      else p = changed
    }
    const input = enc.encode(`${h}.${p}`)
    const sig = this.world.signature(form, alg, input)
    if (sig === undefined) steps.push('unsigned')
    base = { parts: [h, p, sig === undefined ? 'AAAA' : b64u(sig)], steps, headerText: plan.text, rawPayload, input }
    this.bases.set(name, base)
    return base
  }

  /** Case `index` of this run. */
  make(index: number): Case {
    const prng = new Prng(this.seed, index)
    const alg = prng.weighted(ALG_WEIGHTS)
    const isRsa = alg.startsWith('RS') || alg.startsWith('PS')
    const isEd = alg.startsWith('Ed')
    const formKind = prng.weighted<'legit' | 'confusion' | 'degenerate' | 'small-modulus' | 'jwk-member'>([
      ['legit', 70],
      ['jwk-member', 10],
      ['confusion', alg.startsWith('HS') ? 45 : 0],
      ['degenerate', isRsa || isEd ? 14 : 0],
      ['small-modulus', isRsa ? 6 : 0],
    ])
    const world = this.world
    const form =
      formKind === 'confusion' ? world.confusionForm(prng)
        : formKind === 'degenerate' ? (world.degenerateForm(prng, alg) as KeyForm)
          : formKind === 'small-modulus' ? world.smallModulusForm(prng, alg)
            : formKind === 'jwk-member' ? world.jwkMemberForm(prng, alg)
              : world.legitForm(prng, alg)
    const base = this.base(form, alg, prng.int(this.basesPerKey(form)))
    const parts: Parts = [...base.parts]
    const steps = [...base.steps]
    const rate = form.kind === 'degenerate' || form.kind === 'confusion' ? 0.5 : 1
    const tamperings = prng.chance(0.55 * rate) ? (prng.chance(0.2) ? 2 : 1) : 0
    for (let i = 0; i < tamperings; i++) steps.push(tamper(prng, world, { alg, form, parts, headerText: base.headerText, input: base.input }))
    return { index, alg, form, token: parts.join('.'), steps, headerText: base.headerText, rawPayload: base.rawPayload }
  }
}
