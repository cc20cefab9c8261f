/**
 * The walkthrough of an encrypted token (compact JWE, RFC 7516 §3.1): its five parts, what is
 * encrypted and what is only integrity-protected, and where the content encryption key comes from.
 * It explains the structure from the token alone; decrypting is the Decryption region's work.
 */
import { base64urlDecode } from '../token'
import type { DecodedToken } from '../types'
import { partSteps } from './encoding-steps'
import { clip, hexInGroups, plural } from './format'
import type { ExplainStep } from './types'

/** Where the content encryption key (CEK) comes from, per key management family (RFC 7518 §4). */
function cekSource(alg: string): string {
  if (alg === 'dir') return 'With "dir" there is no encrypted key: the shared key itself is the CEK, so the second part is empty and every token under that key shares it.'
  if (alg === 'ECDH-ES') return 'With "ECDH-ES" the CEK is agreed, not sent: the sender combines a fresh ephemeral key (the header\'s "epk") with the recipient\'s public key and derives the CEK with the Concat KDF, so the second part is empty.'
  if (alg.startsWith('ECDH-ES+')) return `With "${alg}" a key is agreed from the header's ephemeral "epk" and the recipient's key (Concat KDF), and that key wraps a random CEK with AES key wrap: the second part is the wrapped CEK.`
  if (alg.startsWith('RSA-OAEP')) return `With "${alg}" a random CEK is encrypted to the recipient's RSA public key (RSAES-OAEP): only the private key can recover it from the second part.`
  if (alg.startsWith('PBES2-')) return `With "${alg}" a key is derived from a password with PBKDF2 (the header's salt "p2s" and iteration count "p2c") and wraps a random CEK: the second part is the wrapped CEK.`
  if (alg.endsWith('GCMKW')) return `With "${alg}" a shared AES key encrypts a random CEK with AES-GCM (the header's "iv" and "tag" belong to that wrapping): the second part is the wrapped CEK.`
  if (alg.endsWith('KW')) return `With "${alg}" a shared AES key wraps a random CEK (AES key wrap, RFC 3394): the second part is the wrapped CEK.`
  if (alg === 'RSA1_5') return 'With "RSA1_5" a random CEK is encrypted with RSAES-PKCS1-v1_5, which padding-oracle attacks break (Bleichenbacher); RFC 8725 §3.2 says not to use it.'
  return `The header's "alg" (${JSON.stringify(alg)}) is not a registered key management algorithm, so where the CEK comes from is unknown.`
}

/** What the content encryption does, per `enc` (RFC 7518 §5). */
function contentCipher(enc: string): string {
  if (/^A(128|192|256)GCM$/.test(enc)) return `"${enc}" is AES-GCM: it encrypts the plaintext and computes the authentication tag over the ciphertext and the AAD in one pass.`
  if (/^A(128|192|256)CBC-HS(256|384|512)$/.test(enc)) return `"${enc}" is AES-CBC for secrecy plus HMAC for integrity: the CEK is split in two halves, one keys the HMAC over AAD, IV, ciphertext and AAD length, whose first half is the tag.`
  return `The header's "enc" (${JSON.stringify(enc)}) is not a registered content encryption, so how the content is encrypted is unknown.`
}

/** The walkthrough steps of a compact JWE; the token must be `kind: 'jwe'` with a readable header. */
export function jweSteps(token: DecodedToken): ExplainStep[] | undefined {
  const header = token.header
  if (header === null || header.bytes === null) return undefined
  const parts = token.token.split('.')
  if (parts.length !== 5) return undefined
  const [, encryptedKey = '', iv = '', ciphertext = '', tag = ''] = parts
  const object = header.kind === 'json' && header.value !== null && typeof header.value === 'object' && !Array.isArray(header.value) ? (header.value as Record<string, unknown>) : {}
  const alg = typeof object.alg === 'string' ? object.alg : '(missing)'
  const enc = typeof object.enc === 'string' ? object.enc : '(missing)'
  const size = (text: string) => base64urlDecode(text)?.length
  const bytes = (text: string) => {
    const n = size(text)
    return n === undefined ? 'not base64url' : plural(n, 'byte')
  }
  const ivBytes = base64urlDecode(iv)
  return [
    ...partSteps('header', header, header.bytes),
    {
      id: 'jwe-parts',
      title: 'The five parts of an encrypted token',
      explanation:
        'A compact JWE (RFC 7516 §7.1) has five base64url parts: the protected header, the encrypted key, the initialization vector (IV), the ciphertext and the authentication tag. ' +
        'Only the header can be read without a key. The claims are inside the ciphertext.',
      values: [
        { label: 'Protected header', value: `${plural(header.bytes.length, 'byte')}: "alg" ${alg}, "enc" ${enc}` },
        { label: 'Encrypted key', value: encryptedKey === '' ? 'empty' : bytes(encryptedKey) },
        { label: 'IV', value: ivBytes === undefined ? 'not base64url' : `${plural(ivBytes.length, 'byte')}: ${hexInGroups(ivBytes)}`, mono: true },
        { label: 'Ciphertext', value: bytes(ciphertext) },
        { label: 'Authentication tag', value: bytes(tag) },
      ],
    },
    {
      id: 'jwe-cek',
      title: 'Where the content encryption key comes from',
      explanation: `The content is encrypted with a one-time content encryption key (CEK). ${cekSource(alg)}`,
      values: [{ label: 'Key management ("alg")', value: alg }],
    },
    {
      id: 'jwe-aad',
      title: 'What is encrypted, and what is only protected',
      explanation:
        `${contentCipher(enc)} The plaintext (the claims, or a whole signed token in a nested JWT) is encrypted. ` +
        'The protected header is not encrypted: its base64url text is the additional authenticated data (AAD), so anyone can read it, but changing one character of it makes the tag check fail. ' +
        'The IV must be fresh for every token; the tag is checked before any plaintext is released.',
      values: [
        { label: 'AAD (ASCII of the protected header)', value: clip(parts[0] ?? ''), mono: true },
        { label: 'Content encryption ("enc")', value: enc },
      ],
    },
  ]
}
