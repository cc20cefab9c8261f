import { describe, expect, it } from 'vitest'
import vectors from '../../../test/fixtures/vectors/sd-jwt/rfc9901.json'
import { loadSdJwt } from './on-demand'

describe('loadSdJwt', () => {
  it('loads the room once and shares the promise', async () => {
    const first = loadSdJwt()
    expect(loadSdJwt()).toBe(first)
    const room = await first
    expect(Object.keys(room).sort()).toEqual([
      'DEFAULT_KB_CLOCK_SKEW', 'DEFAULT_KB_MAX_IAT_AGE', 'MAX_DECOYS', 'MAX_DEPTH', 'MAX_DISCLOSURES', 'NEVER_DISCLOSABLE_VC_CLAIMS', 'SD_HASHES',
      'issueSdJwt', 'looksLikeSdJwt', 'parentDisclosures', 'presentSdJwt', 'processSdJwt', 'sdHashInput', 'splitSdJwt', 'verifySdJwt',
    ])
    const processed = await room.processSdJwt(vectors.example.issuance)
    expect(processed.ok && processed.value.disclosures.length).toBe(10)
  })
})
