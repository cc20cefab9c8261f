import { isJsonObject } from '../json-object'
import { base64urlEncode } from '../token'
import type { DecodedPart } from '../types'
import { base64urlGroups } from './base64-groups'
import { clip, hexInGroups, MAX_LISTED_BYTES, plural } from './format'
import type { ExplainStep, ExplainValue } from './types'

type PartName = 'header' | 'payload'

/** The three steps of one part: its text, its UTF-8 bytes, and their base64url encoding. */
export function partSteps(name: PartName, part: DecodedPart, bytes: Uint8Array): ExplainStep[] {
  return [textStep(name, part, bytes), bytesStep(name, part, bytes), base64Step(name, part, bytes)]
}

const Title = (name: PartName) => (name === 'header' ? 'Header' : 'Payload')

function textStep(name: PartName, part: DecodedPart, bytes: Uint8Array): ExplainStep {
  const id = name === 'header' ? 'header-json' : 'payload-json'
  if (part.text === null) {
    return {
      id,
      title: `${Title(name)}: binary data`,
      explanation: `The ${name} is not UTF-8 text, so there is no JSON to show. A JWS can sign any bytes; they are listed in the next step.`,
      values: [{ label: 'Size', value: plural(bytes.length, 'byte') }],
    }
  }
  const spacing = /[\r\n]/.test(part.text)
    ? ' This text contains line breaks, and they are part of what is signed: re-formatting the JSON (even only its whitespace) would change the signature.'
    : ' Any whitespace in it would be signed too, exactly as written.'
  const kind = part.kind === 'json'
    ? `The ${name} is ${isJsonObject(part.value) ? 'a JSON object' : 'JSON, though not an object as JWT claims need'}.${spacing}`
    : `The ${name} is text but not JSON; a JWS can sign any bytes, so it is encoded as it is.`
  const values: ExplainValue[] = [{ label: `${Title(name)} text`, value: clip(part.text), mono: true }]
  if (part.text.length > 2000) values.push({ label: 'Note', value: `Only the first 2000 of ${part.text.length} characters are shown.` })
  return {
    id,
    title: `${Title(name)} ${part.kind === 'json' ? 'JSON' : 'text'}`,
    explanation: `${kind} This exact text is the starting point: the signature never covers a "parsed" JSON value, only these characters.`,
    values,
  }
}

function bytesStep(name: PartName, part: DecodedPart, bytes: Uint8Array): ExplainStep {
  const chars = part.text === null ? null : part.text.length
  const ascii = bytes.every((b) => b < 0x80)
  const how = chars === null
    ? `These are the ${plural(bytes.length, 'byte')} of the ${name}.`
    : ascii
      ? `UTF-8 turns each of these ${plural(chars, 'character')} into one byte (they are all ASCII), giving ${plural(bytes.length, 'byte')}.`
      : `UTF-8 turns ASCII characters into one byte each and other characters into 2–4 bytes, so ${plural(chars, 'character')} (UTF-16 units) become ${plural(bytes.length, 'byte')}.`
  const shown = bytes.length > MAX_LISTED_BYTES ? ` Only the first ${MAX_LISTED_BYTES} bytes are listed.` : ''
  return {
    id: name === 'header' ? 'header-bytes' : 'payload-bytes',
    title: `${Title(name)} as UTF-8 bytes`,
    explanation: `${how} They are shown in hex, in groups of three bytes, because base64url works on three bytes at a time.${shown}`,
    values: [
      { label: 'Bytes (hex, 3-byte groups)', value: hexInGroups(bytes), mono: true },
      { label: 'Byte count', value: String(bytes.length) },
    ],
  }
}

/** Why base64url has no `=`: told for the actual length of the bytes. */
function paddingExplanation(length: number): string {
  const full = Math.floor(length / 3)
  const rest = length % 3
  const start = `${plural(length, 'byte')} make ${plural(full, 'full group')} of three`
  if (rest === 0) return `${start}, so every group gives exactly four characters and even standard base64 would add no "=" padding.`
  const fill = rest === 1 ? 4 : 2
  const chars = rest + 1
  const pad = rest === 1 ? '==' : '='
  return `${start} and a final group of ${plural(rest, 'byte')} (${rest * 8} bits). That group is filled with ${fill} zero bits to make ${chars} characters. Standard base64 would append "${pad}" to reach a multiple of four characters; base64url in JWS (RFC 7515 §2) leaves the padding out, because the length of the text already tells a decoder how many bytes there are.`
}

/** A base64url step for any bytes (header, payload or signature). */
export function base64Step(name: PartName | 'signature', segment: { readonly encoded: string }, bytes: Uint8Array): ExplainStep {
  const table = base64urlGroups(bytes)
  const encoded = base64urlEncode(bytes)
  const standard = standardBase64(bytes)
  const values: ExplainValue[] = [
    { label: 'base64url', value: clip(encoded), mono: true },
    { label: 'Standard base64 (for comparison)', value: clip(standard), mono: true },
    { label: 'Length', value: `${plural(bytes.length, 'byte')} → ${plural(encoded.length, 'character')}` },
  ]
  let note = ''
  if (segment.encoded !== encoded) {
    values.push({ label: 'As written in the token', value: clip(segment.encoded), mono: true })
    note = ' The token writes this part differently (padding, base64 characters or stray bits): the canonical base64url of its bytes is shown here, and the signature covers the text exactly as the token has it.'
  }
  if (bytes.length === 0) {
    return {
      id: 'signature-base64url',
      title: 'Signature in base64url',
      explanation: 'There are no signature bytes, so the base64url text is empty and the token ends with a dot.',
      values: [{ label: 'base64url', value: '(empty)', mono: true }],
      groups: [],
      groupsOmitted: 0,
    }
  }
  const omitted = table.omitted > 0 ? ` The table shows the first ${table.groups.length - 1} of ${table.total} groups and the final one.` : ''
  const what = name === 'signature' ? 'signature bytes' : `${name} bytes`
  return {
    id: name === 'header' ? 'header-base64url' : name === 'payload' ? 'payload-base64url' : 'signature-base64url',
    title: `${name === 'signature' ? 'Signature' : Title(name)} in base64url`,
    explanation: `base64url reads the ${what} three at a time: 3 bytes are 24 bits, which split into four 6-bit numbers (0–63); each number picks one character of A–Z, a–z, 0–9, "-" and "_". ${paddingExplanation(bytes.length)}${omitted}${note}`,
    values,
    groups: table.groups,
    groupsOmitted: table.omitted,
  }
}

/** Standard base64 with padding, without relying on Node's Buffer (the core also runs in browsers). */
function standardBase64(bytes: Uint8Array): string {
  const url = base64urlEncode(bytes)
  const pad = (4 - (url.length % 4)) % 4
  return url.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat(pad)
}
