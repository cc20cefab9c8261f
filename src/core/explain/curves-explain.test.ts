import { generateKeyPairSync } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { parseKey } from '../keys'
import type { ParsedKey } from '../types'
import { computationStep } from './signature-steps'

async function key(text: string): Promise<ParsedKey> {
  const parsed = await parseKey(text, { encoding: 'utf8' })
  if (!parsed.ok) throw new Error(parsed.error.message)
  return parsed.value.keys[0] as ParsedKey
}

describe('the EdDSA computation step names the curve and size of the key', () => {
  it.each<[string, string, () => Promise<ParsedKey | null>, string, string]>([
    ['EdDSA without a key', 'EdDSA', async () => null, 'Signature: EdDSA (Ed25519)', 'EdDSA signs with Ed25519 (RFC 8037). Unlike the other algorithms it is given the signing input itself, not a hash of it: Ed25519 hashes internally with SHA-512 and derives its nonce from the key and the message, so the same key and input always give the same 64-byte signature.'],
    ['EdDSA with an Ed448 key', 'EdDSA', async () => key(generateKeyPairSync('ed448').publicKey.export({ type: 'spki', format: 'pem' }) as string), 'Signature: EdDSA (Ed448)', 'EdDSA signs with Ed448 (RFC 8037). Unlike the other algorithms it is given the signing input itself, not a hash of it: Ed448 hashes internally with SHAKE256 and derives its nonce from the key and the message, so the same key and input always give the same 114-byte signature.'],
    ['Ed448', 'Ed448', async () => null, 'Signature: EdDSA (Ed448)', 'Ed448 signs with Ed448 (RFC 9864). Unlike the other algorithms it is given the signing input itself, not a hash of it: Ed448 hashes internally with SHAKE256 and derives its nonce from the key and the message, so the same key and input always give the same 114-byte signature.'],
  ])('%s', async (_name, alg, keyOf, title, explanation) => {
    const step = await computationStep(alg, 'eyJhbGciOiJFZERTQSJ9.e30', await keyOf())
    expect([step.title, step.explanation]).toEqual([title, explanation])
  })
})
