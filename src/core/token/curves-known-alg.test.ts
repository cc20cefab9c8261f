import { describe, expect, it } from 'vitest'
import { decodeToken } from './decode'

const b64u = (text: string) => Buffer.from(text).toString('base64url')

describe('ES256K and Ed448 are algorithms the app knows', () => {
  it.each(['ES256K', 'Ed448'])('%s gives no UNKNOWN_ALG diagnostic', (alg) => {
    const token = decodeToken(`${b64u(JSON.stringify({ alg }))}.${b64u('{"sub":"x"}')}.${b64u('s'.repeat(alg === 'Ed448' ? 114 : 64))}`)
    expect(token.diagnostics.filter((d) => d.code === 'UNKNOWN_ALG')).toEqual([])
  })
})
