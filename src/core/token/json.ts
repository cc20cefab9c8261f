import { createScanner, parseTree, type Node, type ParseError } from 'jsonc-parser'
import { err, ok, type Result } from '../result'
import type { JsonMember, JsonValue } from '../types'

/** Stable codes of {@link JsonError}. */
export type JsonErrorCode =
  | 'UNEXPECTED_SYMBOL'
  | 'INVALID_NUMBER'
  | 'NAME_EXPECTED'
  | 'VALUE_EXPECTED'
  | 'COLON_EXPECTED'
  | 'COMMA_EXPECTED'
  | 'CLOSE_BRACE_EXPECTED'
  | 'CLOSE_BRACKET_EXPECTED'
  | 'END_EXPECTED'
  | 'COMMENT'
  | 'TRAILING_COMMA'
  | 'UNTERMINATED_STRING'
  | 'INCOMPLETE_NUMBER'
  | 'INVALID_UNICODE_ESCAPE'
  | 'INVALID_ESCAPE'
  | 'CONTROL_CHARACTER'
  | 'EMPTY'
  | 'TOO_DEEP'

/** One syntax error in a JSON text. Offsets are UTF-16 offsets into the text. */
export interface JsonError {
  readonly code: JsonErrorCode
  /** What is wrong, in plain words, without the position (see {@link describeJsonError}). */
  readonly message: string
  readonly offset: number
  readonly length: number
  /** 1-based line and column of `offset`, for messages. */
  readonly line: number
  readonly column: number
}

/** A member name that appears more than once in the same object. */
export interface DuplicateMember {
  readonly name: string
  /** Path of the object holding the duplicates (empty for the top-level object). */
  readonly path: readonly (string | number)[]
  /** Offset of the opening quote of the repeated name, and the length of the quoted name. */
  readonly offset: number
  readonly length: number
  /** Offset of the opening quote of the name's first occurrence. */
  readonly firstOffset: number
}

/** A strictly parsed JSON text: value and members only when the text has no errors. */
export interface ParsedJson {
  /**
   * The value (integers outside the safe range as `bigint`, up to {@link MAX_BIGINT_DIGITS} digits),
   * or undefined when there are errors.
   */
  readonly value: JsonValue | undefined
  /** Top-level members in source order, repeated names included (empty unless the value is an object). */
  readonly members: readonly JsonMember[]
  /** Syntax errors in source order (at most {@link MAX_JSON_ERRORS}); empty for valid JSON. */
  readonly errors: readonly JsonError[]
  /** Repeated member names at any depth, in source order. */
  readonly duplicates: readonly DuplicateMember[]
}

/** Deeper nesting is refused: the parser recurses, and no real token nests anywhere near this. */
export const MAX_JSON_DEPTH = 1000

/** Garbage can produce an error per character; the first few are all anyone reads. */
export const MAX_JSON_ERRORS = 100

/**
 * Integers with more digits than this stay numbers (±Infinity, as `JSON.parse` reads them) instead
 * of becoming `bigint`: `BigInt()` of a decimal text is quadratic in its length (a megabyte of digits
 * takes over a second, and printing it back as long again), while no NumericDate or ID comes close.
 * The JSON text keeps every digit, so re-encoding and the editors are unaffected.
 */
export const MAX_BIGINT_DIGITS = 10_000

const STRICT = { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false } as const

// jsonc-parser's SyntaxKind/ParseErrorCode are ambient const enums, which isolatedModules cannot read.
const T_OPEN_BRACE = 1
const T_CLOSE_BRACE = 2
const T_OPEN_BRACKET = 3
const T_CLOSE_BRACKET = 4
const T_COMMA = 5
const T_COLON = 6
const T_EOF = 17

const PARSE_ERRORS: Readonly<Record<number, readonly [JsonErrorCode, string]>> = {
  1: ['UNEXPECTED_SYMBOL', 'Unexpected text: JSON allows only objects, arrays, strings in double quotes, numbers, true, false and null.'],
  2: ['INVALID_NUMBER', 'Invalid number.'],
  3: ['NAME_EXPECTED', 'Expected a member name in double quotes.'],
  4: ['VALUE_EXPECTED', 'Expected a value.'],
  5: ['COLON_EXPECTED', "Expected ':' after the member name."],
  6: ['COMMA_EXPECTED', "Expected ',' between two values."],
  7: ['CLOSE_BRACE_EXPECTED', "Expected ',' or '}' after the member."],
  8: ['CLOSE_BRACKET_EXPECTED', "Expected ',' or ']' after the array element."],
  9: ['END_EXPECTED', 'Unexpected text after the end of the JSON value.'],
  10: ['COMMENT', 'Comments are not allowed in JSON.'],
  11: ['COMMENT', 'Comments are not allowed in JSON.'],
  12: ['UNTERMINATED_STRING', 'The string is not closed: its closing double quote is missing.'],
  13: ['INCOMPLETE_NUMBER', 'The number is incomplete: a digit must follow the decimal point or the exponent.'],
  14: ['INVALID_UNICODE_ESCAPE', 'Invalid \\u escape: it needs exactly four hexadecimal digits.'],
  15: ['INVALID_ESCAPE', 'Invalid escape in a string: only \\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX are allowed.'],
  16: ['CONTROL_CHARACTER', 'Control characters (such as a tab) must be escaped inside strings.'],
}

const TRAILING_COMMA = 'Trailing commas are not allowed in JSON: remove the comma before the closing bracket.'

/**
 * Parses `text` as strict JSON (RFC 8259: no comments, no trailing commas, nothing after the value)
 * and keeps positions: top-level members with their offsets, every syntax error with its offset, and
 * every repeated member name at any depth. Integers beyond ±2^53 become `bigint` with their exact
 * digits (up to {@link MAX_BIGINT_DIGITS} digits). Linear in the text length, however many repeated
 * names there are and however deep they sit; never throws.
 */
export function parseJsonText(text: string): ParsedJson {
  const depthError = checkDepth(text)
  if (depthError !== null) return { value: undefined, members: [], errors: [depthError], duplicates: [] }
  const raw: ParseError[] = []
  let root: Node | undefined
  try {
    root = parseTree(text, raw, STRICT)
  } catch {
    // Only a stack overflow could land here, which checkDepth rules out; stay total anyway.
    return { value: undefined, members: [], errors: [makeError(text, 'TOO_DEEP', tooDeepMessage(), 0, 0)], duplicates: [] }
  }
  if (raw.length > 0 || root === undefined) {
    const errors = raw.slice(0, MAX_JSON_ERRORS).map((e) => toJsonError(text, e))
    if (errors.length === 0) errors.push(makeError(text, 'EMPTY', 'There is no JSON value.', 0, 0))
    return { value: undefined, members: [], errors, duplicates: [] }
  }
  const duplicates: DuplicateMember[] = []
  const value = nodeValue(root, text, null, duplicates)
  return { value, members: root.type === 'object' ? topLevelMembers(root, text) : [], errors: [], duplicates }
}

/**
 * Re-encodes a JSON text compactly: the tokens exactly as written (member order, number text such as
 * `1.0` or `1e3`, string escapes) with the whitespace between them removed. Fails with
 * `INVALID_JSON` when the text is not strict JSON.
 */
export function compactJson(text: string): Result<string, 'INVALID_JSON'> {
  const parsed = parseJsonText(text)
  const first = parsed.errors[0]
  if (first !== undefined) return err('INVALID_JSON', `The JSON is not valid: ${describeJsonError(first)}`)
  let out = ''
  for (const token of tokens(text)) out += token.text
  return ok(out)
}

/**
 * Pretty-prints a JSON text with two-space indentation for display, keeping every token as written
 * (so big integers keep their digits and members their order). Text that is not valid JSON is
 * returned unchanged, so an editor never loses what the user typed; so is text whose indented form
 * would be more than ten times larger (hostile nesting). Pass `alreadyValid` when the text is known
 * to be valid JSON (e.g. a decoded part of kind `json`) to skip the second full parse of a large text.
 */
export function formatJson(text: string, options: { alreadyValid?: boolean } = {}): string {
  if (options.alreadyValid !== true && parseJsonText(text).errors.length > 0) return text
  const list = tokens(text)
  // Indentation grows with depth: a deep, long array would format to hundreds of megabytes.
  const limit = Math.max(10 * text.length, 1_000_000)
  let out = ''
  let depth = 0
  for (let i = 0; i < list.length; i++) {
    if (out.length > limit) return text
    const token = list[i] as ScannedToken
    switch (token.kind) {
      case T_OPEN_BRACE:
      case T_OPEN_BRACKET: {
        const next = list[i + 1]
        if (next !== undefined && (next.kind === T_CLOSE_BRACE || next.kind === T_CLOSE_BRACKET)) {
          out += token.text + next.text
          i++
        } else {
          depth++
          out += token.text + '\n' + '  '.repeat(depth)
        }
        break
      }
      case T_CLOSE_BRACE:
      case T_CLOSE_BRACKET:
        depth--
        out += '\n' + '  '.repeat(depth) + token.text
        break
      case T_COMMA:
        out += ',\n' + '  '.repeat(depth)
        break
      case T_COLON:
        out += ': '
        break
      default:
        out += token.text
    }
  }
  return out
}

/**
 * Pretty-prints a JSON value (two-space indentation), writing `bigint` values as their digits.
 * Prefer {@link formatJson} on the source text: JavaScript objects list integer-like member names
 * first, so only the text keeps the original member order. A value whose indented form would be
 * more than ten times its compact form (and over a megabyte) comes back compact instead: every line
 * repeats its depth in spaces, so a deep value with many elements would otherwise print to hundreds
 * of megabytes.
 */
export function formatJsonValue(value: JsonValue): string {
  const compact: string[] = []
  printValue(value, null, compact, { left: Infinity })
  const flat = compact.join('')
  const pretty: string[] = []
  return printValue(value, '', pretty, { left: Math.max(10 * flat.length, 1_000_000) }) ? pretty.join('') : flat
}

/** `message (line L, column C).` for a JSON error, for one-line reports. */
export function describeJsonError(error: JsonError): string {
  return `${lowerFirst(error.message.replace(/\.$/, ''))} (line ${error.line}, column ${error.column}).`
}

interface ScannedToken {
  readonly kind: number
  readonly text: string
}

function tokens(text: string): ScannedToken[] {
  const scanner = createScanner(text, true)
  const out: ScannedToken[] = []
  for (let kind = scanner.scan(); kind !== T_EOF; kind = scanner.scan()) {
    const start = scanner.getTokenOffset()
    out.push({ kind, text: text.slice(start, start + scanner.getTokenLength()) })
  }
  return out
}

function checkDepth(text: string): JsonError | null {
  const scanner = createScanner(text, true)
  let depth = 0
  for (let kind = scanner.scan(); kind !== T_EOF; kind = scanner.scan()) {
    if (kind === T_OPEN_BRACE || kind === T_OPEN_BRACKET) {
      depth++
      if (depth > MAX_JSON_DEPTH) return makeError(text, 'TOO_DEEP', tooDeepMessage(), scanner.getTokenOffset(), 1)
    } else if (kind === T_CLOSE_BRACE || kind === T_CLOSE_BRACKET) {
      depth = Math.max(0, depth - 1)
    }
  }
  return null
}

function tooDeepMessage(): string {
  return `The JSON nests objects or arrays more than ${MAX_JSON_DEPTH} levels deep, which is not supported.`
}

function toJsonError(text: string, e: ParseError): JsonError {
  const code = e.error as number
  const at = text.charCodeAt(e.offset)
  if ((code === 3 || code === 4) && (at === 0x7d || at === 0x5d) && previousNonSpace(text, e.offset) === 0x2c) {
    return makeError(text, 'TRAILING_COMMA', TRAILING_COMMA, e.offset, e.length)
  }
  if (code === 4 && text.trim() === '') return makeError(text, 'EMPTY', 'There is no JSON value.', e.offset, e.length)
  const [errorCode, message] = PARSE_ERRORS[code] ?? ['UNEXPECTED_SYMBOL', 'Invalid JSON.']
  return makeError(text, errorCode, message, e.offset, e.length)
}

function previousNonSpace(text: string, offset: number): number {
  for (let i = offset - 1; i >= 0; i--) {
    const c = text.charCodeAt(i)
    if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return c
  }
  return -1
}

function makeError(text: string, code: JsonErrorCode, message: string, offset: number, length: number): JsonError {
  const [line, column] = lineAndColumn(text, offset)
  return { code, message, offset, length, line, column }
}

// Line starts are computed once per text: garbage can yield many errors, each needing a position.
let lineCache: { text: string; starts: number[] } | null = null

function lineAndColumn(text: string, offset: number): [number, number] {
  if (lineCache === null || lineCache.text !== text) {
    const starts = [0]
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i)
      if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) starts.push(i + 1)
    }
    lineCache = { text, starts }
  }
  const starts = lineCache.starts
  let lo = 0
  let hi = starts.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if ((starts[mid] as number) <= offset) lo = mid
    else hi = mid - 1
  }
  return [lo + 1, offset - (starts[lo] as number) + 1]
}

/**
 * Where a value sits, as a chain from its own name or index back to the root: extending it is O(1),
 * and the array form is built only when someone reads a {@link DuplicateMember}'s `path`. Copying the
 * path for every repeated name instead made a megabyte of repeats 1000 levels deep cost gigabytes.
 */
interface PathLink {
  readonly parent: PathLink | null
  readonly key: string | number
}

function pathArray(link: PathLink | null): (string | number)[] {
  const out: (string | number)[] = []
  for (let at = link; at !== null; at = at.parent) out.push(at.key)
  return out.reverse()
}

function duplicateMember(name: string, link: PathLink | null, offset: number, length: number, firstOffset: number): DuplicateMember {
  let path: readonly (string | number)[] | undefined
  return {
    name,
    get path() {
      path ??= pathArray(link)
      return path
    },
    offset,
    length,
    firstOffset,
  }
}

function nodeValue(node: Node, text: string, link: PathLink | null, duplicates: DuplicateMember[]): JsonValue {
  switch (node.type) {
    case 'object': {
      const object: { [name: string]: JsonValue } = {}
      const seen = new Map<string, number>()
      for (const property of node.children ?? []) {
        const [nameNode, valueNode] = property.children ?? []
        if (nameNode === undefined || valueNode === undefined) continue
        const name = nameNode.value as string
        const first = seen.get(name)
        if (first === undefined) seen.set(name, nameNode.offset)
        else duplicates.push(duplicateMember(name, link, nameNode.offset, nameNode.length, first))
        const value = nodeValue(valueNode, text, { parent: link, key: name }, duplicates)
        // Assigning "__proto__" would set the prototype; JSON.parse makes it a plain member, and so must this.
        if (name === '__proto__') Object.defineProperty(object, name, { value, enumerable: true, writable: true, configurable: true })
        else object[name] = value
      }
      return object
    }
    case 'array': {
      const children = node.children ?? []
      const array: JsonValue[] = []
      for (let i = 0; i < children.length; i++) array.push(nodeValue(children[i] as Node, text, { parent: link, key: i }, duplicates))
      return array
    }
    case 'number':
      return numberValue(text.slice(node.offset, node.offset + node.length), node.value as number)
    case 'string':
      return node.value as string
    case 'boolean':
      return node.value as boolean
    default:
      return null
  }
}

const INTEGER = /^-?\d+$/

function numberValue(literal: string, parsed: number): number | bigint {
  const digits = literal.startsWith('-') ? literal.length - 1 : literal.length
  if (!Number.isSafeInteger(parsed) && digits <= MAX_BIGINT_DIGITS && INTEGER.test(literal)) return BigInt(literal)
  return parsed
}

function topLevelMembers(root: Node, text: string): JsonMember[] {
  const members: JsonMember[] = []
  for (const property of root.children ?? []) {
    const [nameNode, valueNode] = property.children ?? []
    if (nameNode === undefined || valueNode === undefined) continue
    const valueStart = valueNode.offset
    const valueEnd = valueNode.offset + valueNode.length
    members.push({
      name: nameNode.value as string,
      start: nameNode.offset,
      end: valueEnd,
      valueStart,
      valueEnd,
      valueText: text.slice(valueStart, valueEnd),
    })
  }
  return members
}

/**
 * Appends the JSON text of `value` to `out`: indented by `indent` per level, or compact when
 * `indent` is null. Returns false, leaving `out` incomplete, once more than `budget.left`
 * characters would be written.
 */
function printValue(value: JsonValue, indent: string | null, out: string[], budget: { left: number }): boolean {
  const write = (piece: string): boolean => {
    budget.left -= piece.length
    out.push(piece)
    return budget.left >= 0
  }
  if (value === null) return write('null')
  switch (typeof value) {
    case 'bigint':
      return write(value.toString())
    case 'number':
      return write(Number.isFinite(value) ? JSON.stringify(value) : 'null')
    case 'string':
    case 'boolean':
      return write(JSON.stringify(value))
  }
  const inner = indent === null ? null : indent + '  '
  const open = inner === null ? '' : '\n' + inner
  const separator = inner === null ? ',' : ',\n' + inner
  const close = indent === null ? '' : '\n' + indent
  if (Array.isArray(value)) {
    if (value.length === 0) return write('[]')
    if (!write('[' + open)) return false
    for (let i = 0; i < value.length; i++) {
      if (i > 0 && !write(separator)) return false
      if (!printValue(value[i] as JsonValue, inner, out, budget)) return false
    }
    return write(close + ']')
  }
  const names = Object.keys(value)
  if (names.length === 0) return write('{}')
  if (!write('{' + open)) return false
  for (let i = 0; i < names.length; i++) {
    const name = names[i] as string
    if (i > 0 && !write(separator)) return false
    if (!write(JSON.stringify(name) + (inner === null ? ':' : ': '))) return false
    if (!printValue(value[name] as JsonValue, inner, out, budget)) return false
  }
  return write(close + '}')
}

function lowerFirst(s: string): string {
  return s.length > 0 && /[A-Z][a-z]/.test(s.slice(0, 2)) ? (s[0] as string).toLowerCase() + s.slice(1) : s
}
