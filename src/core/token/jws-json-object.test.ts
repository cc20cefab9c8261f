import { describe, expect, it } from 'vitest'
import { readJwsJsonObject } from './jws-json-object'
import { parseJwsJson } from './json-serialization'

describe('readJwsJsonObject', () => {
  it.each([
    ['a compact token', 'eyJhbGciOiJIUzI1NiJ9.e30.c2ln', 'NOT_JSON', 'The text is not a JSON object, so it is not a JWS in JSON serialization.'],
    ['an empty text', '', 'NOT_JSON', 'The text is not a JSON object, so it is not a JWS in JSON serialization.'],
    ['broken JSON', '{"payload": ', 'NOT_JSON', 'The text is not valid JSON (Expected a value.), so it is not a JWS in JSON serialization.'],
    ['some other JSON object', '{"access_token":"x"}', 'NOT_JWS_JSON', 'The JSON object has none of the members of a JWS in JSON serialization ("payload", "signatures", "protected", "header", "signature").'],
    ['a member only inherited from Object.prototype', '{"constructor":1}', 'NOT_JWS_JSON', 'The JSON object has none of the members of a JWS in JSON serialization ("payload", "signatures", "protected", "header", "signature").'],
  ])('%s is not meant as a JWS in JSON serialization', (_name, text, code, message) => {
    expect(readJwsJsonObject(text)).toEqual({ ok: false, error: { code, message } })
  })

  it.each([
    ['a flattened JWS', '  {"payload":"e30","protected":"eyJhbGciOiJIUzI1NiJ9","signature":"c2ln"}\n'],
    ['a general JWS', '{"payload":"e30","signatures":[]}'],
    ['a JWS without its payload', '{"signature":"c2ln"}'],
    ['a JWS with a repeated member', '{"payload":"a","payload":"b"}'],
  ])('%s is one, well formed or not', (_name, text) => {
    expect(readJwsJsonObject(text).ok).toBe(true)
  })

  it('keeps the repeated members for parseJwsJson to refuse', () => {
    const read = readJwsJsonObject('{"payload":"a","payload":"b","signature":"c2ln"}')
    expect(read.ok && read.value.duplicates.map((d) => d.name)).toEqual(['payload'])
    expect(parseJwsJson('{"payload":"a","payload":"b","signature":"c2ln"}')).toMatchObject({ ok: false, error: { code: 'DUPLICATE_MEMBER' } })
  })

  it('refuses exactly what parseJwsJson calls NOT_JSON or NOT_JWS_JSON', () => {
    for (const text of ['', 'x', '[]', '{', '{"a":1}', '{"payload":1}', '{"header":{}}', '{"payload":"e30","signatures":[]}']) {
      const read = readJwsJsonObject(text)
      const parsed = parseJwsJson(text)
      const notJws = !parsed.ok && (parsed.error.code === 'NOT_JSON' || parsed.error.code === 'NOT_JWS_JSON')
      expect(read.ok, text).toBe(!notJws)
    }
  })
})
