import { isJsonObject, parseJsonText, type JsonValue } from '../../core'

/** One claim the issuer can make selectively disclosable: an object member or an array element. */
export interface ClaimNode {
  /** JSON pointer (RFC 6901) into the payload, e.g. `/address/street_address`, `/nationalities/0`. */
  readonly pointer: string
  /** What the checkbox says: the member name, or `[i]` for an array element. */
  readonly label: string
  readonly kind: 'member' | 'element'
  /** 0 for a top-level member; children of a member or element one deeper. */
  readonly depth: number
  /** The pointer of the claim this one sits in, or null at the top level. */
  readonly parent: string | null
  /** Why a checkbox should warn (a claim a verifier needs in plain view), or null. */
  readonly note: string | null
}

/** Where the claim tree stands for a payload text. */
export type ClaimTree =
  | { readonly ok: true; readonly nodes: readonly ClaimNode[]; readonly truncated: boolean }
  | { readonly ok: false; readonly message: string }

/** More checkboxes than anyone picks from; a huge pasted payload must not render thousands. */
export const MAX_CLAIM_NODES = 200

/**
 * Claims RFC 9901 and SD-JWT VC say stay in plain view: the names that carry the SD-JWT's own
 * machinery, and the registered claims a verifier checks before any disclosure is processed.
 */
const PLAIN_VIEW_NOTES: Readonly<Record<string, string>> = {
  _sd: 'reserved by RFC 9901 (§4.2.1): holds the digests, never a claim of its own',
  _sd_alg: 'reserved by RFC 9901 (§4.1.1): names the hash, must stay in plain view',
  '...': 'reserved by RFC 9901 (§4.2.4.2): marks an array element digest',
  iss: 'SD-JWT VC (§3.2.2.2) keeps iss in plain view',
  nbf: 'SD-JWT VC (§3.2.2.2) keeps nbf in plain view',
  exp: 'SD-JWT VC (§3.2.2.2) keeps exp in plain view',
  cnf: 'the holder key (RFC 9901 §4.1.2) must stay in plain view for key binding',
  vct: 'SD-JWT VC (§3.2.2.2) keeps vct in plain view',
  status: 'SD-JWT VC (§3.2.2.2) keeps status in plain view',
}

/** A JSON pointer reference token (RFC 6901 §4): `~` as `~0`, `/` as `~1`. */
export function escapePointerToken(name: string): string {
  return name.replace(/~/g, '~0').replace(/\//g, '~1')
}

/** The name a pointer reference token stands for (RFC 6901 §4). */
export function unescapePointerToken(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~')
}

/**
 * Every claim of a payload (top-level members, nested object members and array elements) in
 * document order, each with its JSON pointer: the checkbox list of the issuer builder. Walks
 * iteratively, stops after {@link MAX_CLAIM_NODES}, never throws.
 */
export function claimTree(payloadJson: string): ClaimTree {
  const parsed = parseJsonText(payloadJson)
  const first = parsed.errors[0]
  if (first !== undefined) return { ok: false, message: `The payload is not valid JSON: ${first.message}` }
  if (!isJsonObject(parsed.value)) return { ok: false, message: 'The payload must be a JSON object: its members are the claims.' }
  const nodes: ClaimNode[] = []
  const stack: { value: JsonValue; pointer: string; depth: number; parent: string | null; inArray: boolean }[] = []
  const pushChildren = (value: JsonValue, pointer: string, depth: number) => {
    const children: typeof stack = []
    const parent = pointer === '' ? null : pointer
    if (Array.isArray(value)) value.forEach((v, i) => children.push({ value: v, pointer: `${pointer}/${i}`, depth, parent, inArray: true }))
    else if (isJsonObject(value)) for (const [name, v] of Object.entries(value)) children.push({ value: v, pointer: `${pointer}/${escapePointerToken(name)}`, depth, parent, inArray: false })
    // Reversed onto the stack, so they come off in document order.
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!)
  }
  pushChildren(parsed.value, '', 0)
  let truncated = false
  while (stack.length > 0) {
    if (nodes.length >= MAX_CLAIM_NODES) {
      truncated = true
      break
    }
    const item = stack.pop()!
    const { inArray } = item
    const name = unescapePointerToken(item.pointer.slice(item.pointer.lastIndexOf('/') + 1))
    nodes.push({
      pointer: item.pointer,
      label: inArray ? `[${name}]` : name,
      kind: inArray ? 'element' : 'member',
      depth: item.depth,
      parent: item.parent,
      note: noteFor(name, inArray, item.depth),
    })
    pushChildren(item.value, item.pointer, item.depth + 1)
  }
  return { ok: true, nodes, truncated }
}

/** Top-level names carry the registered-claim notes; the reserved names are reserved at any depth. */
function noteFor(name: string, inArray: boolean, depth: number): string | null {
  if (inArray || !Object.hasOwn(PLAIN_VIEW_NOTES, name)) return null
  if (depth === 0 || name === '_sd' || name === '...') return PLAIN_VIEW_NOTES[name] ?? null
  return null
}

/**
 * The pointers to hand the issuer for the checked boxes, in document order. A claim whose box is
 * checked inside an unchecked parent is disclosable on its own; checked inside a checked parent it
 * becomes a recursive disclosure (RFC 9901 §4.2.6), which the issuer handles.
 */
export function chosenPointers(nodes: readonly ClaimNode[], checked: ReadonlySet<string>): string[] {
  return nodes.filter((n) => checked.has(n.pointer)).map((n) => n.pointer)
}
