/** The WebAssembly text of the cracker's SIMD engine. */
export function hmacSimdWat(): string
/** The compiled module (same text, same bytes). */
export function buildHmacSimdWasm(): Promise<Uint8Array>
