/**
 * JSON Schemas (draft-07) for the header and payload editors, generated from the claim catalogue so
 * that editor autocomplete and hover text match the claims view.
 */
import type { CatalogueEntry } from '../types'
import { claimCatalogue } from './catalogue'
import type { MemberDescription } from './vendors/types'

/** The subset of JSON Schema draft-07 the catalogue schemas use. */
export interface ClaimPropertySchema {
  readonly type?: string | readonly string[]
  readonly items?: { readonly type: string }
  readonly enum?: readonly string[]
  readonly description: string
  readonly markdownDescription: string
}

/** A draft-07 object schema describing the known members of a JOSE header or JWT payload. */
export interface ClaimJsonSchema {
  readonly $schema: 'http://json-schema.org/draft-07/schema#'
  readonly title: string
  readonly type: 'object'
  readonly properties: Readonly<Record<string, ClaimPropertySchema>>
  /** Private and unregistered names are legal in both header and payload. */
  readonly additionalProperties: true
}

/** Registered JWS `alg` values (RFC 7518 §3.1, RFC 8812, RFC 8037, RFC 9864, RFC 9964) then JWE key management ones (RFC 7518 §4.1). */
const knownAlgorithms: readonly string[] = [
  'HS256', 'HS384', 'HS512', 'RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512',
  'ES256', 'ES384', 'ES512', 'ES256K', 'EdDSA', 'Ed25519', 'Ed448', 'ML-DSA-44', 'ML-DSA-65', 'ML-DSA-87', 'none',
  'RSA1_5', 'RSA-OAEP', 'RSA-OAEP-256', 'RSA-OAEP-384', 'RSA-OAEP-512',
  'A128KW', 'A192KW', 'A256KW', 'dir',
  'ECDH-ES', 'ECDH-ES+A128KW', 'ECDH-ES+A192KW', 'ECDH-ES+A256KW',
  'A128GCMKW', 'A192GCMKW', 'A256GCMKW',
  'PBES2-HS256+A128KW', 'PBES2-HS384+A192KW', 'PBES2-HS512+A256KW',
]

/** Registered JWE `enc` values (RFC 7518 §5.1). */
const knownEncryptions: readonly string[] = [
  'A128CBC-HS256', 'A192CBC-HS384', 'A256CBC-HS512', 'A128GCM', 'A192GCM', 'A256GCM',
]

const typeLabels: Record<CatalogueEntry['type'], string> = {
  string: 'string',
  number: 'number',
  time: 'NumericDate (seconds since 1970-01-01T00:00:00Z)',
  boolean: 'boolean',
  'string-or-array': 'string or array of strings',
  object: 'object',
  array: 'array',
  any: 'any JSON value',
}

function typeOf(entry: CatalogueEntry): Pick<ClaimPropertySchema, 'type' | 'items'> {
  switch (entry.type) {
    case 'time':
    case 'number':
      return { type: 'number' }
    case 'string-or-array':
      return { type: ['string', 'array'], items: { type: 'string' } }
    case 'array':
      // Every catalogued array (crit, x5c, amr, groups, roles, entitlements) holds strings.
      return { type: 'array', items: { type: 'string' } }
    case 'any':
      return {}
    default:
      return { type: entry.type }
  }
}

function propertyOf(entry: CatalogueEntry): ClaimPropertySchema {
  const extra: Pick<ClaimPropertySchema, 'enum'> =
    entry.where === 'header' && entry.name === 'alg' ? { enum: knownAlgorithms }
      : entry.where === 'header' && entry.name === 'enc' ? { enum: knownEncryptions }
        : {}
  return {
    ...typeOf(entry),
    ...extra,
    description: `${entry.title}: ${entry.description} (${entry.spec}; type: ${typeLabels[entry.type]})`,
    markdownDescription: memberMarkdown(entry),
  }
}

/**
 * `text` as a Markdown code span, shown exactly as written: the fence is one backtick longer than
 * the longest run of backticks inside (CommonMark code spans interpret nothing else).
 */
function codeSpan(text: string): string {
  let longest = 0
  let run = 0
  for (const ch of text) {
    run = ch === '`' ? run + 1 : 0
    if (run > longest) longest = run
  }
  const fence = '`'.repeat(longest + 1)
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : ''
  return `${fence}${pad}${text}${pad}${fence}`
}

/**
 * The Markdown an editor shows for a member: title, name, description, type and where it is
 * defined, with a link to the vendor's documentation for vendor entries. The name may be the
 * token's own text (a vendor's `xms_*` or URL-named claim), so it is shown as a code span.
 */
export function memberMarkdown(entry: MemberDescription): string {
  const link = entry.reference === undefined ? '' : ` ([documentation](${entry.reference}))`
  return (
    `**${entry.title}** (${codeSpan(entry.name.replaceAll('\n', ' ').replaceAll('\r', ' '))})\n\n${entry.description}\n\n` +
    `*Type:* ${typeLabels[entry.type]}  \n*Defined in:* ${entry.spec}${link}`
  )
}

function schemaFor(where: 'header' | 'payload', title: string): ClaimJsonSchema {
  const properties: Record<string, ClaimPropertySchema> = {}
  for (const entry of claimCatalogue) {
    if (entry.where === where) properties[entry.name] = propertyOf(entry)
  }
  return { $schema: 'http://json-schema.org/draft-07/schema#', title, type: 'object', properties, additionalProperties: true }
}

/** Draft-07 schema of the JOSE header: every catalogued header parameter, `alg` and `enc` with enums. */
export function headerJsonSchema(): ClaimJsonSchema {
  return schemaFor('header', 'JOSE header')
}

/** Draft-07 schema of the JWT claims set: every catalogued payload claim. */
export function payloadJsonSchema(): ClaimJsonSchema {
  return schemaFor('payload', 'JWT claims')
}
