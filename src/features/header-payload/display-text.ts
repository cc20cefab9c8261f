import { formatJson, type DecodedPart } from '../../core'
import { hugePayloadDisplay } from '../../workers/token-client'

/** How a decoded part is shown in its editor. */
export interface PartDisplay {
  readonly text: string
  readonly language: 'json' | 'plaintext'
  /** Binary content is shown as hex and cannot be edited as text. */
  readonly editable: boolean
  readonly kind: DecodedPart['kind'] | 'none'
}

/** Hex dump, 16 bytes a line, so binary payloads stay readable. Long dumps are cut to keep the editor light. */
function hexDump(bytes: Uint8Array): string {
  const limit = Math.min(bytes.length, 64 * 1024)
  const lines: string[] = []
  for (let i = 0; i < limit; i += 16) {
    const row: string[] = []
    for (let j = i; j < Math.min(i + 16, limit); j++) row.push((bytes[j] as number).toString(16).padStart(2, '0'))
    lines.push(row.join(' '))
  }
  if (bytes.length > limit) lines.push(`… ${bytes.length - limit} more bytes`)
  return lines.join('\n')
}

// Formatting re-parses the JSON: do it once per decoded part, not on every render.
const shown = new WeakMap<DecodedPart, PartDisplay>()

/** The editor text of a decoded header or payload: pretty JSON (digits kept), plain text, or hex. */
export function displayOf(part: DecodedPart | null): PartDisplay {
  if (part === null) return { text: '', language: 'plaintext', editable: true, kind: 'none' }
  const known = shown.get(part)
  if (known !== undefined) return known
  const display = computeDisplay(part)
  shown.set(part, display)
  return display
}

function computeDisplay(part: DecodedPart | null): PartDisplay {
  if (part === null) return { text: '', language: 'plaintext', editable: true, kind: 'none' }
  // A huge payload was formatted in the token worker along with its decoding.
  const formatted = hugePayloadDisplay(part)
  if (formatted !== undefined) return { text: formatted, language: 'json', editable: true, kind: 'json' }
  if (part.kind === 'json' && part.text !== null) return { text: formatJson(part.text, { alreadyValid: true }), language: 'json', editable: true, kind: 'json' }
  if (part.kind === 'text' && part.text !== null) return { text: part.text, language: 'plaintext', editable: true, kind: 'text' }
  if (part.bytes !== null) return { text: hexDump(part.bytes), language: 'plaintext', editable: false, kind: 'binary' }
  return { text: '', language: 'plaintext', editable: false, kind: 'binary' }
}
