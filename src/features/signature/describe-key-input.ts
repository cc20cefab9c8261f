import type { KeyFormat, KeyInput, ParsedKey } from '../../core'

const formatNames: Readonly<Record<KeyFormat, string>> = {
  secret: 'HMAC secret',
  'pem-spki': 'PEM public key (SPKI)',
  'pem-pkcs8': 'PEM private key (PKCS#8)',
  'pem-pkcs1-public': 'PEM RSA public key (PKCS#1)',
  'pem-pkcs1-private': 'PEM RSA private key (PKCS#1)',
  'pem-sec1': 'PEM EC private key (SEC1)',
  'pem-certificate': 'PEM certificate',
  jwk: 'JWK',
  jwks: 'JWKS',
  'openssh-public': 'OpenSSH public key',
}

/** One key in a few words, e.g. `RSA 2048-bit public key, kid 'a1' (thumbprint …)`. */
export function describeParsedKey(key: ParsedKey): string {
  const what =
    key.kty === 'oct'
      ? `${key.bits} bits`
      : key.kty === 'RSA'
        ? `RSA ${key.bits}-bit ${key.kind} key`
        : key.kty === 'AKP'
          ? `${key.alg ?? 'AKP'} ${key.kind} key`
          : `${key.crv ?? key.kty} ${key.kind} key`
  const kid = key.kid !== undefined ? `, kid '${key.kid}'` : ''
  // An AKP key's alg is already its name.
  const alg = key.alg !== undefined && key.kty !== 'AKP' ? `, alg ${key.alg}` : ''
  return `${what}${kid}${alg} (thumbprint ${key.thumbprint})`
}

/** The detected format and its keys, e.g. `PEM certificate — RSA 2048-bit public key, kid …`. */
export function describeKeyInput(input: KeyInput): string {
  const format = input.format === 'jwks' ? `JWKS with ${input.keys.length} usable key${input.keys.length === 1 ? '' : 's'}` : formatNames[input.format]
  if (input.keys.length === 1 && input.keys[0] !== undefined) return `${format} — ${describeParsedKey(input.keys[0])}`
  return format
}
