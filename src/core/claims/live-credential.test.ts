import { describe, expect, it } from 'vitest'
import { liveCredentialHint } from './live-credential'

const now = 1_800_000_000

describe('liveCredentialHint', () => {
  it.each([
    ['a real issuer, not expired', { iss: 'https://login.acme-corp.io/', exp: now + 600 }, { issuerHost: 'login.acme-corp.io', expiresInSeconds: 600 }],
    ['a real issuer, no exp', { iss: 'https://accounts.google.com' }, { issuerHost: 'accounts.google.com', expiresInSeconds: null }],
    ['exp in milliseconds', { iss: 'https://id.acme.io', exp: (now + 60) * 1000 }, { issuerHost: 'id.acme.io', expiresInSeconds: 60 }],
  ])('flags %s', (_name, payload, expected) => {
    expect(liveCredentialHint(payload, now)).toEqual(expected)
  })

  it.each([
    ['expired', { iss: 'https://login.acme-corp.io/', exp: now - 1 }],
    ['expiring exactly now', { iss: 'https://login.acme-corp.io/', exp: now }],
    ['an example.com issuer', { iss: 'https://example.com', exp: now + 600 }],
    ['a subdomain of example.org', { iss: 'https://auth.example.org', exp: now + 600 }],
    ['a .test issuer', { iss: 'https://idp.test', exp: now + 600 }],
    ['localhost', { iss: 'https://localhost:8443', exp: now + 600 }],
    ['an IP address', { iss: 'https://10.0.0.1', exp: now + 600 }],
    ['plain http', { iss: 'http://login.acme-corp.io', exp: now + 600 }],
    ['a non-URL issuer', { iss: 'joe', exp: now + 600 }],
    ['no issuer', { exp: now + 600 }],
    ['a non-numeric exp', { iss: 'https://login.acme-corp.io', exp: 'tomorrow' }],
    ['an array payload', [1, 2]],
    ['a text payload', 'hello'],
  ])('does not flag %s', (_name, payload) => {
    expect(liveCredentialHint(payload, now)).toBeNull()
  })
})
