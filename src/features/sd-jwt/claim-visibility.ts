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
  const claims: VisibilityRow[] = input.claims.map((c) => ({
    pointer: c.pointer,
    mark: c.visibility,
    value: valueText(valueAt(input.processedPayload, c.pointer)),
    disclosure: c.disclosure,
    digest: null,
    kind: null,
  }))
  // The last claim row inside each container pointer (the row itself and every ancestor of it):
  // one pass over the rows, each as deep as its pointer, instead of a scan per withheld digest.
  const lastInside = new Map<string, number>()
  claims.forEach((r, i) => {
    let at = r.pointer
    for (;;) {
      lastInside.set(at, i)
      if (at === '') break
      at = at.slice(0, at.lastIndexOf('/'))
    }
  })
  // Withheld rows go after row `i` (or before every row: -1), in their own order.
  const after = new Map<number, VisibilityRow[]>()
  for (const u of input.undisclosed) {
    const i = lastInside.get(u.at) ?? -1
    const row: VisibilityRow = { pointer: u.at, mark: 'withheld', value: null, disclosure: null, digest: u.digest, kind: u.kind }
    const list = after.get(i)
    if (list === undefined) after.set(i, [row])
    else list.push(row)
  }
  const rows: VisibilityRow[] = [...(after.get(-1) ?? [])]
  claims.forEach((r, i) => {
    rows.push(r)
    const withheld = after.get(i)
    if (withheld !== undefined) rows.push(...withheld)
  })
  return rows
}

/** How many claims of each mark there are (for the summary above the table). */
export function markCounts(rows: readonly VisibilityRow[]): Readonly<Record<ClaimMark, number>> {
  const counts = { 'always-visible': 0, disclosed: 0, withheld: 0 }
  for (const r of rows) counts[r.mark] += 1
  return counts
}
