import { describe, expect, it } from 'vitest'
import { markAes192 } from './use-aes192'

describe('markAes192', () => {
  it('marks only the 192-bit choices, and only once the browser said it lacks them', () => {
    const names = ['A128KW', 'A192KW', 'A256GCM', 'A192CBC-HS384'] as const
    expect(markAes192(names, false).map((o) => o.label)).toEqual(['A128KW', "A192KW (not in this browser's WebCrypto)", 'A256GCM', "A192CBC-HS384 (not in this browser's WebCrypto)"])
    expect(markAes192(names, true).map((o) => o.label)).toEqual([...names])
    expect(markAes192(names, undefined).map((o) => o.label)).toEqual([...names])
    expect(markAes192(names, false).map((o) => o.value)).toEqual([...names])
  })
})
