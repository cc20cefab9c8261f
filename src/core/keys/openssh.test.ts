import { generateKeyPairSync } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseKey } from './parse'

// OpenSSH public key lines made by ssh-keygen (scripts/make-key-fixtures.sh), checked against the
// PEM that ssh-keygen converts the same line to: both must give the same key (same thumbprint).
const DIR = new URL('../../../test/fixtures/keys/openssh/', import.meta.url)
const read = (file: string) => readFileSync(new URL(file, DIR), 'utf8')
const NOTE = 'OpenSSH public key line: the public key it carries is used (its comment is ignored).'

const thumbprintOf = async (text: string) => {
  const parsed = await parseKey(text, { encoding: 'utf8' })
  if (!parsed.ok) throw new Error(parsed.error.message)
  return parsed.value
}

/** The wire format of RFC 4253 §6.6 built here, independently of the reader. */
const sshString = (bytes: Buffer) => Buffer.concat([Buffer.from([0, 0, (bytes.length >> 8) & 0xff, bytes.length & 0xff]), bytes])

describe('OpenSSH public keys are read as the key they carry', () => {
  it.each(['rsa-2048', 'ecdsa-p256', 'ecdsa-p384', 'ecdsa-p521'])('%s.pub gives the same key as ssh-keygen\'s PEM', async (name) => {
    const line = read(`${name}.pub`)
    expect(line.split(' ')[2]?.trim()).toBe('user@example.com')
    const viaSsh = await thumbprintOf(line)
    const viaPem = await thumbprintOf(read(`${name}.pem`))
    expect(viaSsh.format).toBe('openssh-public')
    expect(viaSsh.notes).toEqual([NOTE])
    expect(viaSsh.keys.map((k) => [k.kind, k.kty, k.thumbprint])).toEqual(viaPem.keys.map((k) => [k.kind, k.kty, k.thumbprint]))
  })

  it('ssh-ed25519 gives the same key as node:crypto\'s SPKI of that key', async () => {
    const { publicKey } = generateKeyPairSync('ed25519')
    const x = Buffer.from((publicKey.export({ format: 'jwk' }) as { x: string }).x, 'base64url')
    const line = `ssh-ed25519 ${Buffer.concat([sshString(Buffer.from('ssh-ed25519')), sshString(x)]).toString('base64')} me@host`
    const viaSsh = await thumbprintOf(line)
    const viaPem = await thumbprintOf(publicKey.export({ type: 'spki', format: 'pem' }) as string)
    expect(viaSsh.keys[0]!.thumbprint).toBe(viaPem.keys[0]!.thumbprint)
    expect(read('ed25519.pub').startsWith('ssh-ed25519 AAAA')).toBe(true)
    expect((await thumbprintOf(read('ed25519.pub'))).keys[0]).toMatchObject({ kind: 'public', kty: 'OKP', crv: 'Ed25519' })
  })

  it('an HS256 token cannot use an OpenSSH key as its secret (it is a public key now, not a 3048-bit secret)', async () => {
    const key = await thumbprintOf(read('rsa-2048.pub'))
    expect(key.keys[0]).toMatchObject({ kind: 'public', kty: 'RSA', bits: 2048 })
  })

  const convert = 'Or convert it: `ssh-keygen -e -m PKCS8 -f key.pub` prints it as a PEM public key.'
  it.each([
    ['a cut-off line', () => read('rsa-2048.pub').slice(0, 120), 'SSH_KEY_INVALID', `The "ssh-rsa" key line is cut off or changed: its base64 body is not a valid OpenSSH public key. Copy the whole line from the .pub file. ${convert}`],
    ['a body of another type', () => `ssh-rsa ${read('ed25519.pub').split(' ')[1]}`, 'SSH_KEY_INVALID', `The "ssh-rsa" key line is cut off or changed: its base64 body is not a valid OpenSSH public key. Copy the whole line from the .pub file. ${convert}`],
    ['a DSA key', () => 'ssh-dss AAAAB3NzaC1kc3MAAACBAP', 'SSH_KEY_UNSUPPORTED', 'This is an OpenSSH DSA key ("ssh-dss"); JWS has no DSA algorithm. Use an RSA, ECDSA or Ed25519 key.'],
    ['a security key', () => 'sk-ssh-ed25519@openssh.com AAAAGnNrLXNzaC1lZDI1NTE5QG9wZW5zc2guY29t', 'SSH_KEY_UNSUPPORTED', `This is an OpenSSH security-key public key ("sk-ssh-ed25519@openssh.com"), which carries an application name besides the key and has no JWS algorithm. Use the key's plain form. ${convert}`],
  ])('%s is refused with a way out', async (_name, text, code, message) => {
    expect(await parseKey(text(), { encoding: 'utf8' })).toEqual({ ok: false, error: { code, message } })
  })
})

describe('a URL pasted as the key', () => {
  it.each(['https://login.example.com/realms/demo/protocol/openid-connect/certs', 'http://localhost:8080/realms/demo'])('%s is named a URL, with what to do', async (url) => {
    expect(await parseKey(url, { encoding: 'utf8' })).toEqual({
      ok: false,
      error: {
        code: 'KEY_IS_URL',
        message: `This is a URL (${url}), not a key. Press Fetch keys to see exactly which URLs would be requested (nothing is fetched until you allow it), or open it yourself — for an issuer, add /.well-known/openid-configuration and open its "jwks_uri" — and paste the JSON key set (JWKS) it shows here.`,
      },
    })
  })

  it('text that only starts like a URL but has spaces is a secret as typed', async () => {
    const parsed = await parseKey('https://a b', { encoding: 'utf8' })
    expect(parsed.ok && parsed.value.format).toBe('secret')
  })
})
