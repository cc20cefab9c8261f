import { describe, expect, it } from 'vitest'
import { buildShareLink, parseShareFragment } from './share-link'

const token = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln'
const pem = '-----BEGIN PUBLIC KEY-----\nMFkw+/a=\n-----END PUBLIC KEY-----'

describe('buildShareLink', () => {
  it.each([
    ['http://localhost:4173/', undefined, `http://localhost:4173/#token=${token}`],
    ['http://localhost:4173/app/?x=1#token=old', undefined, `http://localhost:4173/app/?x=1#token=${token}`],
    ['http://h/', '', `http://h/#token=${token}`],
    ['http://h/', pem, `http://h/#token=${token}&key=-----BEGIN%20PUBLIC%20KEY-----%0AMFkw%2B%2Fa%3D%0A-----END%20PUBLIC%20KEY-----`],
  ])('links %s with key %j', (page, key, expected) => {
    expect(buildShareLink(page, token, key)).toBe(expected)
  })
})

describe('parseShareFragment', () => {
  it.each([
    ['', null],
    ['#', null],
    ['#section-2', null],
    ['#token=', null],
    [`#token=${token}`, { token }],
    [`token=${token}`, { token }],
    [`#id_token=${token}&state=abc`, { token }],
    [`#access_token=${token}&token_type=Bearer&expires_in=3600`, { token }],
    [`#access_token=aaa.bbb.ccc&id_token=${token}`, { token }],
    [`#access_token=aaa.bbb.ccc&token=${token}`, { token }],
    [`#token=${token}&key=-----BEGIN%20PUBLIC%20KEY-----%0AMFkw%2B%2Fa%3D%0A-----END%20PUBLIC%20KEY-----`, { token, key: pem }],
    [`#token=${token}&key=`, { token }],
    ['#token=%E0%A4%A', { token: '%E0%A4%A' }],
  ])('reads %j', (hash, expected) => {
    expect(parseShareFragment(hash)).toEqual(expected)
  })

  it('round-trips what buildShareLink writes', () => {
    const link = buildShareLink('http://h/', token, pem)
    expect(parseShareFragment(new URL(link).hash)).toEqual({ token, key: pem })
  })
})
