import { useMemo, useState } from 'react'
import { describeMember, recogniseIssuer, type JsonMember, type JsonValue, type ProcessedSdJwt, type RecognisedIssuer } from '../../core'
import { Panel } from '../../components/panel'
import { Button, CheckTable, type Column } from '../../components/ui'
import { useShownToken } from '../../session/shown-token'
import { useProcessedSdJwt } from '../../session/use-verifier-payload'
import { useHighlightedMember } from '../../hooks/member-highlight'
import { useAppStore } from '../../store/app-store'
import { ClaimValue, ScopeChips } from './claim-value'
import { IssuerSummary } from './issuer-summary'
import { TimeValue } from './time-value'
import { HUGE_INPUT } from '../../workers/token-client'

// Store actions are stable functions: the pointer handlers can take them once.
const { clearHighlight, highlightMember } = useAppStore.getState()

/** Claims holding a NumericDate. */
const TIME_CLAIMS = new Set(['exp', 'nbf', 'iat', 'auth_time', 'updated_at'])

/**
 * Rows rendered before the "Show all" button: 10,000 rows at once would stall the page. A huge token
 * gets fewer, so that laying out its first rows stays within a frame or two.
 */
const FIRST_ROWS = 500
const FIRST_ROWS_OF_HUGE = 100

function isObject(v: JsonValue | undefined): v is { [name: string]: JsonValue } {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/**
 * The `Claims` table: one row per top-level payload member in source order, with its value rendered
 * for people and its meaning from the claim catalogue.
 */
export function ClaimsTable() {
  const decoded = useShownToken()
  const sdJwt = useProcessedSdJwt(decoded)
  const payload = decoded.payload
  // An SD-JWT's claims are the ones a verifier ends up with: disclosed claims in, digests out.
  const value = sdJwt?.processedPayload ?? payload?.value
  const members: readonly JsonMember[] = sdJwt !== null ? verifierMembers(sdJwt, payload?.members ?? []) : payload?.kind === 'json' && isObject(value) ? payload.members : []
  const memberIndex = new Map((payload?.members ?? []).map((m, i) => [m, i]))
  const [expandedFor, setExpandedFor] = useState<string | null>(null)
  const highlighted = useHighlightedMember('payload', decoded.token)
  const showAll = expandedFor === decoded.token
  const firstRows = decoded.token.length > HUGE_INPUT ? FIRST_ROWS_OF_HUGE : FIRST_ROWS
  // Once per token: every row's description depends on the same recognition.
  const issuer = useMemo(() => (members.length === 0 ? null : recogniseIssuer(decoded.header?.value, value)), [decoded, members.length, value])
  const counts = new Map<string, number>()
  for (const m of members) counts.set(m.name, (counts.get(m.name) ?? 0) + 1)
  const rows: ClaimRow[] = (showAll ? members : members.slice(0, firstRows)).map((member) => ({
    member,
    value: (isObject(value) ? value[member.name] : null) as JsonValue,
    repeated: (counts.get(member.name) ?? 0) > 1,
    issuer,
    // The position of the member in the issuer-signed payload's text; a disclosed claim has none there.
    at: memberIndex.get(member),
    disclosure: sdJwt === null ? null : disclosureOf(sdJwt, member.name),
  }))

  let empty: string | null = null
  if (decoded.token === '') empty = 'No token yet.'
  else if (decoded.kind === 'jwe') empty = 'The payload is encrypted (JWE), so its claims cannot be shown.'
  else if (payload === null || payload.kind !== 'json') empty = 'The payload is not JSON, so it has no claims.'
  else if (!isObject(value)) empty = 'The payload is JSON but not an object, so it has no claims.'
  else if (members.length === 0) empty = 'The payload has no claims.'

  return (
    <Panel
      title="Claims"
      actions={members.length > 0 ? <span className="text-xs text-slate-600 tabular-nums dark:text-slate-400">{members.length.toLocaleString('en-US')} claims</span> : undefined}
    >
      {issuer !== null && <IssuerSummary issuer={issuer} />}
      <CheckTable
        label="Claims"
        columns={columns}
        rows={rows}
        rowKey={(_, i) => i}
        minWidth="sm:min-w-[34rem]"
        stackBelow="sm"
        empty={empty}
        rowAttributes={({ at }) =>
          at === undefined
            ? { className: STRIPED_ROW }
            : {
                onMouseEnter: () => highlightMember('payload', at),
                onMouseLeave: clearHighlight,
                'data-highlighted': highlighted === at || undefined,
                className: highlighted === at ? HIGHLIGHTED_ROW : STRIPED_ROW,
              }
        }
        footer={
          !showAll &&
          members.length > firstRows && (
            <div className="flex items-center gap-3 border-t border-slate-200 px-3 py-2 text-sm dark:border-slate-800">
              <span className="text-slate-600 dark:text-slate-400">Showing the first {firstRows} of {members.length.toLocaleString('en-US')} claims.</span>
              <Button size="sm" onClick={() => setExpandedFor(decoded.token)}>
                Show all {members.length.toLocaleString('en-US')} claims
              </Button>
            </div>
          )
        }
      />
    </Panel>
  )
}

const HIGHLIGHTED_ROW = 'bg-amber-100 outline-2 -outline-offset-2 outline-amber-500 dark:bg-amber-500/20 dark:outline-amber-400'
const STRIPED_ROW = 'odd:bg-white even:bg-slate-50/60 dark:odd:bg-slate-900 dark:even:bg-slate-800/30'

/** One claim: its name (flagged when repeated), its value rendered for people, its catalogue entry. */
interface ClaimRow {
  readonly member: JsonMember
  readonly value: JsonValue
  readonly repeated: boolean
  /** The identity provider recognised from the token, whose dictionary describes its claims. */
  readonly issuer: RecognisedIssuer | null
  /** Index of the member in the issuer-signed payload (what hovering highlights); undefined for a disclosed claim. */
  readonly at: number | undefined
  /** For an SD-JWT claim revealed by a disclosure: its number (1-based); null otherwise. */
  readonly disclosure: number | null
}

/** JSON pointer of a top-level member (RFC 6901 escapes `~` and `/`). */
function pointerOf(name: string): string {
  return `/${name.replaceAll('~', '~0').replaceAll('/', '~1')}`
}

/**
 * The top-level claims of an SD-JWT as the verifier ends up with them, in the processed payload's
 * order: members of the issuer-signed payload keep their place in its text, disclosed ones get none.
 */
function verifierMembers(sdJwt: ProcessedSdJwt, signed: readonly JsonMember[]): JsonMember[] {
  const byName = new Map(signed.map((m) => [m.name, m]))
  return Object.keys(sdJwt.processedPayload).map((name) => byName.get(name) ?? { name, start: -1, end: -1, valueStart: -1, valueEnd: -1, valueText: '' })
}

function disclosureOf(sdJwt: ProcessedSdJwt, name: string): number | null {
  const claim = sdJwt.claims.find((c) => c.pointer === pointerOf(name))
  return claim?.visibility === 'disclosed' && claim.disclosure !== null ? claim.disclosure + 1 : null
}

const columns: readonly Column<ClaimRow>[] = [
  { header: 'Claim', kind: 'header', width: 'w-[22%]', className: 'font-mono text-[13px] font-semibold break-all text-violet-700 dark:text-violet-300', cell: ClaimName },
  { header: 'Value', width: 'w-[43%]', className: 'min-w-0 break-words', cell: ({ member, value }) => <ClaimValueCell name={member.name} value={value} /> },
  { header: 'Description', width: 'w-[35%]', stacked: 'line', className: 'text-slate-700 dark:text-slate-300', cell: ({ member, issuer }) => <ClaimDescription name={member.name} issuer={issuer} /> },
]

function ClaimName({ member, repeated, disclosure }: ClaimRow) {
  return (
    <>
      {member.name}
      {repeated && <span className="ml-1 block font-sans text-xs font-normal text-amber-700 dark:text-amber-300">Repeated name: the last value counts</span>}
      {disclosure !== null && <span className="block font-sans text-xs font-normal text-emerald-700 dark:text-emerald-300">{`Disclosed (disclosure ${disclosure})`}</span>}
    </>
  )
}

function ClaimValueCell({ name, value }: { readonly name: string; readonly value: JsonValue }) {
  if (TIME_CLAIMS.has(name)) return <TimeValue name={name} value={value} />
  if (name === 'scope' || name === 'scp') return <ScopeChips value={value} />
  return <ClaimValue value={value} />
}

function ClaimDescription({ name, issuer }: { readonly name: string; readonly issuer: RecognisedIssuer | null }) {
  const entry = describeMember(name, 'payload', [], { issuer })
  if (!entry) return <span className="text-slate-500 italic dark:text-slate-400">Not a registered claim</span>
  return (
    <>
      <span className="font-medium text-slate-900 dark:text-slate-100">{entry.title}.</span> {entry.description}{' '}
      <span className="text-xs whitespace-nowrap text-slate-500 dark:text-slate-400">({entry.spec})</span>
    </>
  )
}
