/**
 * Hover text for the members of the Header and Payload editors, from the same lookup as the Claims
 * table: `describeMember` with the member's siblings, the header's `typ` and the identity provider
 * recognised from both editors' JSON. A header `nonce` is ACME's only in an ACME request, and an
 * Entra, Keycloak or Okta claim is described from its vendor's dictionary. The JSON language's own
 * schema hovers are switched off where this is registered, so each member has one description.
 */
import type * as Monaco from 'monaco-editor/editor'
import { describeMember, memberMarkdown, memberString, parseJsonText, recogniseIssuer, type JsonMember, type JsonValue } from '../../core'

type Segment = 'header' | 'payload'

interface ParsedModel {
  readonly members: readonly JsonMember[]
  readonly value: JsonValue | undefined
}

/**
 * Registers the member hover for the two editors' models. Both texts are parsed on each hover
 * (not cached: they are user data, and a hover waits for the pointer to rest anyway); the editors
 * switch large texts to plain text, which this provider never sees.
 */
export function registerMemberHover(monaco: typeof Monaco, paths: Readonly<Record<Segment, string>>): void {
  const uris: Readonly<Record<Segment, Monaco.Uri>> = { header: monaco.Uri.parse(paths.header), payload: monaco.Uri.parse(paths.payload) }
  const parse = (model: Monaco.editor.ITextModel | null): ParsedModel => {
    if (model === null) return { members: [], value: undefined }
    const parsed = parseJsonText(model.getValue())
    return { members: parsed.members, value: parsed.value }
  }

  monaco.languages.registerHoverProvider('json', {
    provideHover(model, position) {
      const uri = model.uri.toString()
      const where: Segment | null = uri === uris.header.toString() ? 'header' : uri === uris.payload.toString() ? 'payload' : null
      if (where === null) return null
      const own = parse(model)
      const offset = model.getOffsetAt(position)
      // The member name, its colon and the space before the value.
      const member = own.members.find((m) => offset >= m.start && offset < m.valueStart)
      if (member === undefined) return null
      const other = parse(monaco.editor.getModel(where === 'header' ? uris.payload : uris.header))
      const header = where === 'header' ? own.value : other.value
      const payload = where === 'payload' ? own.value : other.value
      const entry = describeMember(member.name, where, own.members.map((m) => m.name), {
        headerTyp: memberString(header, 'typ'),
        issuer: recogniseIssuer(header, payload),
      })
      if (entry === undefined) return null
      const start = model.getPositionAt(member.start)
      const end = model.getPositionAt(member.valueStart)
      return {
        range: new monaco.Range(start.lineNumber, start.column, end.lineNumber, end.column),
        contents: [{ value: memberMarkdown(entry) }],
      }
    },
  })
}
