import { err, ok, type Result } from '../result'
import { compactJson, describeJsonError, parseJsonText } from '../token/json'

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
  // Splices run back to front so earlier offsets stay valid.
  const splices: { start: number; end: number; text: string }[] = []
  for (const member of parsed.members) {
    if (remove.has(member.name)) splices.push({ start: member.start, end: member.end, text: '' })
    else {
      const value = set.get(member.name)
      if (value !== undefined) splices.push({ start: member.valueStart, end: member.valueEnd, text: value })
    }
  }
  let out = text
  for (const splice of splices.sort((a, b) => b.start - a.start)) out = out.slice(0, splice.start) + splice.text + out.slice(splice.end)
  out = dropStrayCommas(out)
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

/** Removing members leaves `,,`, `{,` or `,}` behind (with any whitespace between); JSON wants none. */
function dropStrayCommas(text: string): string {
  // Outside strings only: scan and track whether we are in a string.
  let out = ''
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string
    if (inString) {
      out += c
      if (c === '\\') out += text[++i] ?? ''
      else if (c === '"') inString = false
      continue
    }
    if (c === '"') inString = true
    if (c === ',') {
      const prev = out.trimEnd().slice(-1)
      let j = i + 1
      while (j < text.length && /\s/.test(text[j] as string)) j++
      const next = text[j]
      if (prev === '{' || prev === '[' || prev === ',' || next === '}' || next === ']' || next === ',') continue
    }
    out += c
  }
  return out
}
