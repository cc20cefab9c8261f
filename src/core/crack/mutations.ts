/**
 * Simple mutation rules that catch the usual "strengthened" weak secrets: case variants of a word
 * and a short suffix (a digit, two digits, a year or `!`).
 */
import type { CandidateBatchBuilder } from './candidate-batch'
import { encodeUtf8Into } from './candidate-batch'

function buildSuffixes(): string[] {
  const out: string[] = []
  for (let d = 0; d <= 9; d++) out.push(String(d))
  for (let d = 0; d <= 99; d++) out.push(String(d).padStart(2, '0'))
  for (let y = 1990; y <= 2030; y++) out.push(String(y))
  out.push('!')
  return out
}

/** Suffixes appended by the mutation rules, in the order tried: `0`–`9`, `00`–`99`, `1990`–`2030`, `!`. */
export const MUTATION_SUFFIXES: readonly string[] = buildSuffixes()

const SUFFIX_BYTES: readonly Uint8Array[] = MUTATION_SUFFIXES.map((s) => {
  const b = new Uint8Array(s.length)
  encodeUtf8Into(s, b, 0)
  return b
})

function capitalise(word: string): string {
  const cp = word.codePointAt(0)
  if (cp === undefined) return word
  const first = String.fromCodePoint(cp)
  return first.toUpperCase() + word.slice(first.length).toLowerCase()
}

/** The distinct case variants of `word`, in the order tried: as given, lower, upper, capitalised. */
export function caseVariants(word: string): string[] {
  const out = [word]
  for (const v of [word.toLowerCase(), word.toUpperCase(), capitalise(word)]) if (!out.includes(v)) out.push(v)
  return out
}

/** Every mutation of `word` except `word` itself, in the order they are tried. */
export function expandMutations(word: string): string[] {
  const out: string[] = []
  for (const v of caseVariants(word)) {
    if (v !== word) out.push(v)
    for (const s of MUTATION_SUFFIXES) out.push(v + s)
  }
  return out
}

/** How many candidates {@link expandMutations} yields for `word`, without building them. */
export function countMutations(word: string): number {
  return caseVariants(word).length * (MUTATION_SUFFIXES.length + 1) - 1
}

const decoder = new TextDecoder('utf-8', { fatal: true })

/**
 * Expands packed candidates (raw word-list lines) into their mutations. ASCII lines — nearly all
 * of them — get their case variants by byte arithmetic; other lines are decoded first, and lines
 * that are not UTF-8 only get suffixes (their case is unknowable).
 */
export class MutationExpander {
  private variants: Uint8Array[] = [new Uint8Array(64), new Uint8Array(64), new Uint8Array(64)]
  private readonly lengths = [0, 0, 0]

  /** Adds every mutation of `src[start..end)` except the line itself to `builder`. */
  addMutations(src: Uint8Array, start: number, end: number, builder: CandidateBatchBuilder): void {
    const n = this.buildVariants(src, start, end)
    for (let s = 0; s < SUFFIX_BYTES.length; s++) builder.addBytesWithSuffix(src, start, end, SUFFIX_BYTES[s]!)
    for (let v = 0; v < n; v++) {
      const bytes = this.variants[v]!
      const len = this.lengths[v]!
      builder.addBytes(bytes, 0, len)
      for (let s = 0; s < SUFFIX_BYTES.length; s++) builder.addBytesWithSuffix(bytes, 0, len, SUFFIX_BYTES[s]!)
    }
  }

  /** Fills `variants` with the case variants that differ from the line; returns their number. */
  private buildVariants(src: Uint8Array, start: number, end: number): number {
    const len = end - start
    let ascii = true
    for (let i = start; i < end; i++) if (src[i]! >= 0x80) { ascii = false; break }
    if (!ascii) return this.buildTextVariants(src, start, end)
    if (this.variants[0]!.length < len) this.variants = this.variants.map(() => new Uint8Array(len * 2))
    const [lower, upper, cap] = this.variants as [Uint8Array, Uint8Array, Uint8Array]
    for (let i = 0; i < len; i++) {
      const c = src[start + i]!
      const lc = c >= 65 && c <= 90 ? c + 32 : c
      const uc = c >= 97 && c <= 122 ? c - 32 : c
      lower[i] = lc
      upper[i] = uc
      cap[i] = i === 0 ? uc : lc
    }
    // Keep only variants distinct from the line and from each other, in order lower, upper, capitalised.
    let n = 0
    const seen: Uint8Array[] = []
    for (const v of [lower, upper, cap]) {
      if (sameBytes(v, 0, src, start, len) || seen.some((s) => sameBytes(v, 0, s, 0, len))) continue
      seen.push(v)
      n++
    }
    for (let k = 0; k < n; k++) {
      if (this.variants[k] !== seen[k]) this.variants[k]!.set(seen[k]!.subarray(0, len))
      this.lengths[k] = len
    }
    return n
  }

  private buildTextVariants(src: Uint8Array, start: number, end: number): number {
    let word: string
    try {
      word = decoder.decode(src.subarray(start, end))
    } catch {
      return 0
    }
    const variants = caseVariants(word).slice(1)
    for (let k = 0; k < variants.length; k++) {
      const v = variants[k]!
      if (this.variants[k]!.length < v.length * 3) this.variants[k] = new Uint8Array(v.length * 3)
      this.lengths[k] = encodeUtf8Into(v, this.variants[k]!, 0)
    }
    return variants.length
  }
}

function sameBytes(a: Uint8Array, aStart: number, b: Uint8Array, bStart: number, len: number): boolean {
  for (let i = 0; i < len; i++) if (a[aStart + i] !== b[bStart + i]) return false
  return true
}
