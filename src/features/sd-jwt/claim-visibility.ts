import { formatJsonValue, isJsonObject, type JsonValue } from '../../core'
import { unescapePointerToken } from './claim-tree'

/** How a claim came to the verifier, or that it did not. */
export type ClaimMark = 'always-visible' | 'disclosed' | 'withheld'

/** One row of the claim visibility table. */
export interface VisibilityRow {
  /** JSON pointer in the processed payload; for a withheld claim, the object or array it would be in. */
  readonly pointer: string
  readonly mark: ClaimMark
  /** The value as text (never markup); null for a withheld claim, whose value the verifier never sees. */
  readonly value: string | null
  /** The disclosure (0-based) that revealed the claim. */
  readonly disclosure: number | null
  /** For a withheld claim: the digest left in its place (an undisclosed claim or a decoy: they look alike). */
  readonly digest: string | null
  readonly kind: 'property' | 'element' | null
}

/** What the table needs of the core's processed SD-JWT. */
export interface VisibilityInput {
  readonly processedPayload: { readonly [name: string]: JsonValue }
  readonly claims: readonly { readonly pointer: string; readonly visibility: 'always-visible' | 'disclosed'; readonly disclosure: number | null }[]
  readonly undisclosed: readonly { readonly digest: string; readonly at: string; readonly kind: 'property' | 'element' }[]
}

/** Longest value text in a row; the full payload is in the JSON view beside it. */
const MAX_VALUE_TEXT = 160

/** The value at a JSON pointer, or undefined when there is none. */
export function valueAt(root: JsonValue, pointer: string): JsonValue | undefined {
  if (pointer === '') return root
  let value: JsonValue | undefined = root
  for (const raw of pointer.split('/').slice(1)) {
    const token = unescapePointerToken(raw)
    if (Array.isArray(value)) value = /^(0|[1-9]\d*)$/.test(token) ? value[Number(token)] : undefined
    else if (isJsonObject(value) && Object.hasOwn(value, token)) value = value[token]
    else return undefined
    if (value === undefined) return undefined
  }
  return value
}

/** A value as one short line of text: containers by their size, leaves as JSON. */
export function valueText(value: JsonValue | undefined): string {
  if (value === undefined) return '(missing)'
  if (Array.isArray(value)) return `array of ${value.length} element${value.length === 1 ? '' : 's'}`
  if (isJsonObject(value)) {
    const n = Object.keys(value).length
    return `object with ${n} member${n === 1 ? '' : 's'}`
  }
  const text = formatJsonValue(value)
  return text.length > MAX_VALUE_TEXT ? `${text.slice(0, MAX_VALUE_TEXT - 1)}…` : text
}

/**
 * Every claim of the processed payload with its mark, and each withheld digest right after the
 * claims of the object or array it sits in: what the verifier learns, and where it learns only
 * that something (a claim or a decoy) is there.
 */
export function visibilityRows(input: VisibilityInput): VisibilityRow[] {
  const rows: VisibilityRow[] = input.claims.map((c) => ({
    pointer: c.pointer,
    mark: c.visibility,
    value: valueText(valueAt(input.processedPayload, c.pointer)),
    disclosure: c.disclosure,
    digest: null,
    kind: null,
  }))
  for (const u of input.undisclosed) {
    let last = -1
    rows.forEach((r, i) => {
      if (u.at === '' || r.pointer === u.at || r.pointer.startsWith(`${u.at}/`)) last = i
    })
    rows.splice(last + 1, 0, { pointer: u.at, mark: 'withheld', value: null, disclosure: null, digest: u.digest, kind: u.kind })
  }
  return rows
}

/** How many claims of each mark there are (for the summary above the table). */
export function markCounts(rows: readonly VisibilityRow[]): Readonly<Record<ClaimMark, number>> {
  const counts = { 'always-visible': 0, disclosed: 0, withheld: 0 }
  for (const r of rows) counts[r.mark] += 1
  return counts
}
