import { describe, expect, it } from 'vitest'
import { editJsonObject, type JsonEdit } from './header-edit'

describe('editJsonObject', () => {
  it.each<[string, JsonEdit, string]>([
    ['{"alg":"RS256","typ":"JWT"}', { set: [['alg', '"none"']] }, '{"alg":"none","typ":"JWT"}'],
    ['{"typ":"JWT","alg":"RS256"}', { set: [['alg', '"HS256"']] }, '{"typ":"JWT","alg":"HS256"}'],
    ['{"typ":"JWT"}', { set: [['alg', '"HS256"'], ['kid', '"k"']] }, '{"typ":"JWT","alg":"HS256","kid":"k"}'],
    ['{}', { set: [['alg', '"HS256"']] }, '{"alg":"HS256"}'],
    ['{"alg":"RS256","alg":"ES256"}', { set: [['alg', '"none"']] }, '{"alg":"none","alg":"none"}'],
    ['{"alg":"RS256","jku":"u","kid":"k"}', { remove: ['jku'] }, '{"alg":"RS256","kid":"k"}'],
    ['{"jku":"u","alg":"RS256"}', { remove: ['jku'] }, '{"alg":"RS256"}'],
    ['{"alg":"RS256","jku":"u"}', { remove: ['jku'] }, '{"alg":"RS256"}'],
    ['{"jku":"u"}', { remove: ['jku'], set: [['alg', '"HS256"']] }, '{"alg":"HS256"}'],
    ['{"a":1,"jwk":{"kty":"EC","k":[1,2]},"b":"x,}"}', { remove: ['jwk'] }, '{"a":1,"b":"x,}"}'],
    ['{"n":1.50,"big":123456789012345678901234567890,"s":"\\u00e9"}', { set: [['alg', '"none"']] }, '{"n":1.50,"big":123456789012345678901234567890,"s":"\\u00e9","alg":"none"}'],
  ])('%s with %j gives %s', (text, edit, expected) => {
    expect(editJsonObject(text, edit)).toEqual({ ok: true, value: expected })
    expect(() => JSON.parse(expected)).not.toThrow()
  })

  it.each([
    ['{"alg":', 'JSON_INVALID', 'The header is not valid JSON: expected a value (line 1, column 8). Fix the header JSON first.'],
    ['"alg"', 'JSON_NOT_OBJECT', 'The header must be a JSON object ({…}) to craft attacks from it.'],
  ])('%s fails with %s', (text, code, message) => {
    expect(editJsonObject(text, { set: [['alg', '"none"']] })).toEqual({ ok: false, error: { code, message } })
  })
})
