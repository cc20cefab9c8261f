import { describe, expect, it } from 'vitest'
import { checkVerdict, sdJwtVerdictText, type CheckRow } from './sd-jwt-verdict'

const row = (id: string, verdict: CheckRow['verdict'], title = id): CheckRow => ({ id, verdict, title })

describe('sdJwtVerdictText', () => {
  it.each([
    ['accepted with key binding', { checks: [row('issuer-signature', 'pass')], accepted: true, disclosed: 2, keyBound: true }, 'SD-JWT accepted: issuer signature, disclosures and key binding check out (2 disclosed claims).'],
    ['accepted without key binding', { checks: [], accepted: true, disclosed: 1, keyBound: false }, 'SD-JWT accepted without key binding: issuer signature and disclosures check out (1 disclosed claim); whoever holds this text can present it.'],
    ['one failure', { checks: [row('issuer-signature', 'pass'), row('disclosures-referenced', 'fail', 'Every disclosure is referenced exactly once')], accepted: false, disclosed: 0, keyBound: true }, 'SD-JWT not accepted: 1 check failed: Every disclosure is referenced exactly once.'],
    ['five failures', { checks: ['a', 'b', 'c', 'd', 'e'].map((t) => row(t, 'fail')), accepted: false, disclosed: 0, keyBound: false }, 'SD-JWT not accepted: 5 checks failed: a; b; c; and 2 more.'],
    ['no issuer key', { checks: [row('issuer-signature', 'skip'), row('kb-aud', 'warn')], accepted: false, disclosed: 3, keyBound: true }, 'SD-JWT not accepted: the issuer signature is not checked yet. Paste the issuer’s public key as the Verification key.'],
    ['no holder key for cnf.kid', { checks: [row('issuer-signature', 'pass'), row('kb-signature', 'skip')], accepted: false, disclosed: 3, keyBound: true }, 'SD-JWT not accepted: the key binding JWT’s signature is not checked. Paste the holder’s key in Holder key (the issuer JWT names it by cnf.kid or cnf.jkt).'],
    ['something else', { checks: [row('issuer-signature', 'pass')], accepted: false, disclosed: 0, keyBound: false }, 'SD-JWT not accepted: a required check did not pass (see the rows below).'],
  ] as const)('%s', (_name, input, text) => {
    expect(sdJwtVerdictText(input)).toBe(text)
  })
})

describe('checkVerdict', () => {
  it.each([
    ['pass', { kind: 'pass' }],
    ['fail', { kind: 'fail' }],
    ['skip', { kind: 'skip' }],
    ['warn', { kind: 'pending', words: { pending: 'Warning' } }],
  ] as const)('%s', (verdict, shown) => {
    expect(checkVerdict(verdict)).toEqual(shown)
  })
})
