import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { EXPIRY_CLAIMS, EXPIRY_TIMES, LESSON_CLAIMS, LESSON_SECRET, signLessonToken, withAlgNone, withPayload } from './lesson-tokens'

const b64u = (text: string) => Buffer.from(text).toString('base64url')

describe('lesson tokens', () => {
  it('signs the lesson claims with HS256 exactly as node:crypto does', async () => {
    const signed = await signLessonToken(LESSON_CLAIMS, 'HS256', LESSON_SECRET)
    const input = `${b64u('{"alg":"HS256","typ":"JWT"}')}.${b64u(LESSON_CLAIMS)}`
    expect(signed).toEqual({ ok: true, value: `${input}.${createHmac('sha256', LESSON_SECRET).update(input).digest('base64url')}` })
    expect(Buffer.byteLength(LESSON_SECRET)).toBeGreaterThanOrEqual(32)
  })

  it('makes an unsecured token with an empty signature', async () => {
    expect(await signLessonToken('{"a":1}', 'none', '')).toEqual({ ok: true, value: `${b64u('{"alg":"none","typ":"JWT"}')}.${b64u('{"a":1}')}.` })
  })

  it('tampers with the payload and keeps the header and signature', () => {
    expect(withPayload('aGVhZA.b2xk.c2ln', '{"admin":true}')).toBe(`aGVhZA.${b64u('{"admin":true}')}.c2ln`)
  })

  it('switches a token to alg none, keeping the payload and dropping the signature', () => {
    expect(withAlgNone('aGVhZA.cGF5bG9hZA.c2ln')).toBe(`${b64u('{"alg":"none","typ":"JWT"}')}.cGF5bG9hZA.`)
  })

  it('moves the clock to half an hour before and 30 seconds after exp', () => {
    const { iat, exp } = JSON.parse(EXPIRY_CLAIMS) as { iat: number; exp: number }
    expect(new Date(iat * 1000).toISOString()).toBe('2030-01-01T00:00:00.000Z')
    expect(Date.parse(EXPIRY_TIMES.during) / 1000).toBe(exp - 1800)
    expect(Date.parse(EXPIRY_TIMES.justAfter) / 1000).toBe(exp + 30)
  })
})
