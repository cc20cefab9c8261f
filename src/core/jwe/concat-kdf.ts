/**
 * The Concat KDF of NIST SP 800-56A §5.8.1 as RFC 7518 §4.6.2 uses it for ECDH-ES: SHA-256 rounds
 * over a counter, the shared secret Z and OtherInfo (AlgorithmID, PartyUInfo, PartyVInfo, SuppPubInfo).
 */

function lengthPrefixed(data: Uint8Array): Uint8Array {
  const out = new Uint8Array(4 + data.length)
  new DataView(out.buffer).setUint32(0, data.length)
  out.set(data, 4)
  return out
}

/** `bits` of key material derived from Z for the algorithm named `algorithmId`. */
export async function concatKdf(z: Uint8Array, bits: number, algorithmId: string, apu: Uint8Array, apv: Uint8Array): Promise<Uint8Array> {
  const suppPubInfo = new Uint8Array(4)
  new DataView(suppPubInfo.buffer).setUint32(0, bits)
  const otherInfo = [lengthPrefixed(new TextEncoder().encode(algorithmId)), lengthPrefixed(apu), lengthPrefixed(apv), suppPubInfo]
  const bytes = bits / 8
  const out = new Uint8Array(Math.ceil(bytes / 32) * 32)
  for (let round = 1; (round - 1) * 32 < bytes; round++) {
    const counter = new Uint8Array(4)
    new DataView(counter.buffer).setUint32(0, round)
    const input = concat([counter, z, ...otherInfo])
    out.set(new Uint8Array(await crypto.subtle.digest('SHA-256', input)), (round - 1) * 32)
  }
  return out.slice(0, bytes)
}

function concat(parts: readonly Uint8Array[]): ArrayBuffer {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let offset = 0
  for (const part of parts) {
    out.set(part, offset)
    offset += part.length
  }
  return out.buffer
}
