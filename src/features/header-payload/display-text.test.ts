import { describe, expect, it } from 'vitest'
import { decodeToken } from '../../core'
import { displayOf } from './display-text'

const b64u = (s: string | Buffer) => Buffer.from(s).toString('base64url')
const tokenWith = (payload: string | Buffer) => `${b64u('{"alg":"none"}')}.${b64u(payload)}.`

describe('displayOf', () => {
  const cases: { name: string; payload: string | Buffer; text: string; language: string; editable: boolean; kind: string }[] = [
    {
      name: 'JSON is pretty-printed with big-integer digits and member order kept',
      payload: '{"z":1,"a":123456789012345678901234567890,"n":[1,2]}',
      text: '{\n  "z": 1,\n  "a": 123456789012345678901234567890,\n  "n": [\n    1,\n    2\n  ]\n}',
      language: 'json',
      editable: true,
      kind: 'json',
    },
    { name: 'text stays text', payload: 'Example of Ed25519 signing', text: 'Example of Ed25519 signing', language: 'plaintext', editable: true, kind: 'text' },
    {
      name: 'binary is hex, 16 bytes a line, read-only',
      payload: Buffer.from([0xff, ...Array.from({ length: 16 }, (_, i) => i)]),
      text: 'ff 00 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e\n0f',
      language: 'plaintext',
      editable: false,
      kind: 'binary',
    },
  ]
  for (const c of cases) {
    it(c.name, () => {
      const shown = displayOf(decodeToken(tokenWith(c.payload)).payload)
      expect(shown).toEqual({ text: c.text, language: c.language, editable: c.editable, kind: c.kind })
    })
  }

  it('shows nothing for a missing part', () => {
    expect(displayOf(null)).toEqual({ text: '', language: 'plaintext', editable: true, kind: 'none' })
  })
})
