import { describe, expect, it } from 'vitest'
import { ecdsaDer } from './x509'

describe('ecdsaDer', () => {
  it.each([
    // r = 1, s = 0x80 (needs a zero byte so it stays positive)
    [[...new Array(31).fill(0), 1, ...new Array(31).fill(0), 0x80], '3007020101020200' + '80'],
    [[0x7f, ...new Array(31).fill(1), 0xff, ...new Array(31).fill(2)], '3045' + '0220' + '7f' + '01'.repeat(31) + '0221' + '00ff' + '02'.repeat(31)],
    [new Array(64).fill(0), '3006020100020100'],
  ])('encodes r‖s as SEQUENCE { INTEGER, INTEGER }', (raw, hex) => {
    expect(Buffer.from(ecdsaDer(Uint8Array.from(raw))).toString('hex')).toBe(hex)
  })
})
