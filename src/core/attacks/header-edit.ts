import { err, ok, type Result } from '../result'
import { compactJson, describeJsonError, parseJsonText } from '../token'

/** Error codes of {@link editJsonObject} and {@link compactObject}. */
export type JsonEditErrorCode = 'JSON_INVALID' | 'JSON_NOT_OBJECT'

/** Members to set (name → JSON value text) and to remove, applied to a JSON object's text. */
export interface JsonEdit {
  /** New values as JSON text, e.g. `['alg', '"none"']`. Existing members keep their place. */
  readonly set?: readonly (readonly [string, string])[]
  /** Member names to remove (every occurrence). */
  readonly remove?: readonly string[]
}

/**
 * Compacts a JSON object text the way the token editor does (member order, number text and string
 * escapes kept, whitespace dropped) and checks that it is an object. `what` names it in messages.
 */
export function compactObject(text: string, what: 'header' | 'payload'): Result<string, JsonEditErrorCode> {
  const parsed = parseJsonText(text)
  const first = parsed.errors[0]
  if (first !== undefined) return err('JSON_INVALID', `The ${what} is not valid JSON: ${describeJsonError(first)} Fix the ${what} JSON first.`)
  if (typeof parsed.value !== 'object' || parsed.value === null || Array.isArray(parsed.value)) {
    return err('JSON_NOT_OBJECT', `The ${what} must be a JSON object ({…}) to craft attacks from it.`)
  }
  const compact = compactJson(text)
  return compact.ok ? ok(compact.value) : err('JSON_INVALID', compact.error.message)
}

/**
 * Edits a JSON object text in place: a set member that exists gets its value text replaced where it
 * stands (every occurrence, so a repeated name cannot keep an old value); a new one is appended at the
 * end; removed members go with their comma. Everything else is left byte for byte as it was.
 */
export function editJsonObject(text: string, edit: JsonEdit): Result<string, JsonEditErrorCode> {
  const parsed = parseJsonText(text)
  const first = parsed.errors[0]
  if (first !== undefined) return err('JSON_INVALID', `The header is not valid JSON: ${describeJsonError(first)} Fix the header JSON first.`)
  if (typeof parsed.value !== 'object' || parsed.value === null || Array.isArray(parsed.value)) {
    return err('JSON_NOT_OBJECT', 'The header must be a JSON object ({…}) to craft attacks from it.')
  }
  const set = new Map(edit.set ?? [])
  const remove = new Set(edit.remove ?? [])
  // Members come in source order and never overlap, so the splices are applied in one pass.
  const splices: { start: number; end: number; text: string }[] = []
  for (const member of parsed.members) {
    if (remove.has(member.name)) splices.push({ start: member.start, end: member.end, text: '' })
    else {
      const value = set.get(member.name)
      if (value !== undefined) splices.push({ start: member.valueStart, end: member.valueEnd, text: value })
    }
  }
  let out = dropStrayCommas(applySplices(text, splices))
  const present = new Set(parsed.members.filter((m) => !remove.has(m.name)).map((m) => m.name))
  const added = [...set].filter(([name]) => !present.has(name)).map(([name, value]) => `${JSON.stringify(name)}:${value}`)
  if (added.length > 0) {
    const close = out.lastIndexOf('}')
    const before = out.slice(0, close).trimEnd()
    const separator = before.endsWith('{') ? '' : ','
    out = before + separator + added.join(',') + out.slice(close)
  }
  return ok(out)
}

/**
 * `text` with each splice's range replaced by its text, splices in source order and disjoint.
 * Built in one pass: splicing one at a time copies the whole text each time, which is quadratic
 * for a header that repeats a member thousands of times.
 */
function applySplices(text: string, splices: readonly { readonly start: number; readonly end: number; readonly text: string }[]): string {
  const pieces: string[] = []
  let from = 0
  for (const splice of [...splices].sort((a, b) => a.start - b.start)) {
    pieces.push(text.slice(from, splice.start), splice.text)
    from = splice.end
  }
  pieces.push(text.slice(from))
  return pieces.join('')
}

const SPACE = /\s/

/**
 * Removing members leaves `,,`, `{,` or `,}` behind (with any whitespace between); JSON wants none.
 * One pass that remembers the last character kept, so each comma is judged in constant time plus
 * the whitespace after it (re-trimming the output at every comma was quadratic in the commas).
 */
function dropStrayCommas(text: string): string {
  const pieces: string[] = []
  let from = 0
  let inString = false
  // The last non-whitespace character kept so far (outside strings; a string ends in its quote).
  let last = ''
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string
    if (inString) {
      if (c === '\\') i++
      else if (c === '"') {
        inString = false
        last = '"'
      }
      continue
    }
    if (c === '"') inString = true
    if (c === ',') {
      let j = i + 1
      while (j < text.length && SPACE.test(text[j] as string)) j++
      const next = text[j]
      if (last === '{' || last === '[' || last === ',' || next === '}' || next === ']' || next === ',') {
        pieces.push(text.slice(from, i))
        from = i + 1
        continue
      }
    }
    if (!SPACE.test(c)) last = c
  }
  pieces.push(text.slice(from))
  return pieces.join('')
}
