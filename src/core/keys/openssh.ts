import { err, ok, type Result } from '../result'
import type { JWK } from '../types'
import { base64url } from 'jose'
import { decodeStandardBase64 } from './secret'

/** Error codes of {@link readOpenSshPublicKey}. */
export type OpenSshErrorCode = 'SSH_KEY_INVALID' | 'SSH_KEY_UNSUPPORTED'

const CURVES: Readonly<Record<string, { crv: string; bytes: number }>> = {
  nistp256: { crv: 'P-256', bytes: 32 },
  nistp384: { crv: 'P-384', bytes: 48 },
  nistp521: { crv: 'P-521', bytes: 66 },
}

const CONVERT = 'Or convert it: `ssh-keygen -e -m PKCS8 -f key.pub` prints it as a PEM public key.'

/** The key type word of an OpenSSH public key line (`ssh-rsa AAAA… comment`), or undefined. */
export function openSshKeyType(text: string): string | undefined {
  const space = text.indexOf(' ')
  if (space <= 0 || space > 40) return undefined
  const type = text.slice(0, space)
  const known = type === 'ssh-rsa' || type === 'ssh-ed25519' || type === 'ssh-dss' || type.startsWith('ecdsa-sha2-') || type.startsWith('sk-')
  return known && text.startsWith('AAAA', space + 1) ? type : undefined
}

/**
 * Reads an OpenSSH public key line (`ssh-rsa`, `ecdsa-sha2-nistp256/384/521`, `ssh-ed25519`, RFC 4253
 * §6.6 and RFC 5656 §3.1 wire format in base64, then an optional comment) into the public JWK it
 * carries: the same RSA, EC or Ed25519 key a PEM would hold. DSA and security-key (`sk-`) keys have
 * no JWS algorithm. Linear; never throws.
 */
export function readOpenSshPublicKey(text: string): Result<JWK, OpenSshErrorCode> {
  const type = openSshKeyType(text)
  if (type === undefined) return err('SSH_KEY_INVALID', 'The text is not an OpenSSH public key line ("ssh-rsa AAAA… comment").')
  if (type === 'ssh-dss') return err('SSH_KEY_UNSUPPORTED', 'This is an OpenSSH DSA key ("ssh-dss"); JWS has no DSA algorithm. Use an RSA, ECDSA or Ed25519 key.')
  if (type.startsWith('sk-')) return err('SSH_KEY_UNSUPPORTED', `This is an OpenSSH security-key public key ("${type}"), which carries an application name besides the key and has no JWS algorithm. Use the key's plain form. ${CONVERT}`)
  const start = type.length + 1
  const end = text.indexOf(' ', start)
  const wire = decodeStandardBase64(text.slice(start, end < 0 ? text.length : end))
  const fields = wire === undefined ? undefined : readStrings(wire)
  const invalid = err('SSH_KEY_INVALID', `The "${type}" key line is cut off or changed: its base64 body is not a valid OpenSSH public key. Copy the whole line from the .pub file. ${CONVERT}`)
  if (fields === undefined || latin1(fields[0]) !== type) return invalid
  if (type === 'ssh-rsa') {
    const [, e, n] = fields
    if (fields.length !== 3 || e === undefined || n === undefined) return invalid
    return ok({ kty: 'RSA', n: base64url.encode(unsigned(n)), e: base64url.encode(unsigned(e)) })
  }
  if (type === 'ssh-ed25519') {
    const x = fields[1]
    if (fields.length !== 2 || x === undefined || x.length !== 32) return invalid
    return ok({ kty: 'OKP', crv: 'Ed25519', x: base64url.encode(x) })
  }
  const curve = CURVES[type.slice('ecdsa-sha2-'.length)]
  if (curve === undefined) return err('SSH_KEY_UNSUPPORTED', `The OpenSSH key type "${type}" is not supported. Use an RSA, ECDSA (P-256, P-384, P-521) or Ed25519 key.`)
  const point = fields[2]
  if (fields.length !== 3 || latin1(fields[1]) !== type.slice('ecdsa-sha2-'.length) || point === undefined) return invalid
  if (point.length !== 1 + 2 * curve.bytes || point[0] !== 4) return invalid
  return ok({
    kty: 'EC',
    crv: curve.crv,
    x: base64url.encode(point.subarray(1, 1 + curve.bytes)),
    y: base64url.encode(point.subarray(1 + curve.bytes)),
  })
}

/** The SSH wire format's length-prefixed strings, or undefined when they do not tile the bytes. */
function readStrings(bytes: Uint8Array): Uint8Array[] | undefined {
  const out: Uint8Array[] = []
  let offset = 0
  while (offset < bytes.length) {
    if (offset + 4 > bytes.length || out.length >= 8) return undefined
    const length = (((bytes[offset] as number) << 24) >>> 0) + ((bytes[offset + 1] as number) << 16) + ((bytes[offset + 2] as number) << 8) + (bytes[offset + 3] as number)
    offset += 4
    if (offset + length > bytes.length) return undefined
    out.push(bytes.subarray(offset, offset + length))
    offset += length
  }
  return out.length > 0 ? out : undefined
}

/** An mpint without its sign byte(s): JWK integers are unsigned big-endian without leading zeros. */
function unsigned(mpint: Uint8Array): Uint8Array {
  let i = 0
  while (i < mpint.length - 1 && mpint[i] === 0) i++
  return mpint.subarray(i)
}

function latin1(bytes: Uint8Array | undefined): string {
  if (bytes === undefined || bytes.length > 64) return ''
  let s = ''
  for (const b of bytes) s += String.fromCharCode(b)
  return s
}
