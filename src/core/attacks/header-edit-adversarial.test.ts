/**
 * Header edits of the attack lab on about a megabyte of hostile header: a member repeated a hundred
 * thousand times, long arrays (many commas), long strings full of commas and braces. The test
 * timeout is a hang guard: splicing one member at a time and re-trimming at every comma was
 * quadratic.
 */
import { describe, expect, it } from 'vitest'
import { compactObject, editJsonObject, type JsonEdit } from './header-edit'

const N = 100_000
// Generous, for a loaded machine: the quadratic version took minutes here.
const HANG_GUARD = 30_000

describe('editJsonObject on a megabyte header', () => {
  it.each<[string, () => string, JsonEdit, () => string]>([
    ['alg repeated 100,000 times, set', () => `{${'"alg":"HS256",'.repeat(N)}"typ":"JWT"}`, { set: [['alg', '"none"']] }, () => `{${'"alg":"none",'.repeat(N)}"typ":"JWT"}`],
    ['alg repeated 100,000 times, removed', () => `{${'"alg":"HS256",'.repeat(N)}"typ":"JWT"}`, { remove: ['alg'] }, () => '{"typ":"JWT"}'],
    ['a 400,000-element array, member added', () => `{"a":[${'1,'.repeat(4 * N)}1]}`, { set: [['alg', '"none"']] }, () => `{"a":[${'1,'.repeat(4 * N)}1],"alg":"none"}`],
    ['members apart by spaces, removed', () => `{${'"x":1 ,   '.repeat(N)}"y":2}`, { remove: ['x'] }, () => `{${'    '.repeat(N)}"y":2}`],
    ['a long string of commas, braces and escapes', () => `{"k":"${',}\\",{'.repeat(N)}","alg":"HS256"}`, { remove: ['alg'] }, () => `{"k":"${',}\\",{'.repeat(N)}"}`],
  ])('%s', (_name, text, edit, expected) => {
    const result = editJsonObject(text(), edit)
    const want = expected()
    expect(result.ok && result.value.length).toBe(want.length)
    expect(result).toEqual({ ok: true, value: want })
  }, HANG_GUARD)

  it('compacts a megabyte header with whitespace between 100,000 members', () => {
    expect(compactObject(`{${Array.from({ length: N }, (_, i) => `\n  "m${i}" : ${i}`).join(' ,')}\n}`, 'header')).toEqual({
      ok: true,
      value: `{${Array.from({ length: N }, (_, i) => `"m${i}":${i}`).join(',')}}`,
    })
  }, HANG_GUARD)
})
