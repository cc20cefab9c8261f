import { useState } from 'react'
import { describeMember, type JsonMember, type JsonValue } from '../../core'
import { Panel } from '../../components/panel'
import { useDecodedToken } from '../../session/use-decoded-token'
import { useHighlightedMember } from '../../hooks/member-highlight'
import { useAppStore } from '../../store/app-store'
import { ClaimValue, ScopeChips } from './claim-value'
import { TimeValue } from './time-value'

// Store actions are stable functions: the pointer handlers can take them once.
const { clearHighlight, highlightMember } = useAppStore.getState()

/** Claims holding a NumericDate. */
const TIME_CLAIMS = new Set(['exp', 'nbf', 'iat', 'auth_time', 'updated_at'])

/** Rows rendered before the "Show all" button: 10,000 rows at once would stall the page. */
const FIRST_ROWS = 500

function isObject(v: JsonValue | undefined): v is { [name: string]: JsonValue } {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/**
 * The `Claims` table: one row per top-level payload member in source order, with its value rendered
 * for people and its meaning from the claim catalogue.
 */
export function ClaimsTable() {
  const decoded = useDecodedToken()
  const payload = decoded.payload
  const value = payload?.value
  const members: readonly JsonMember[] = payload?.kind === 'json' && isObject(value) ? payload.members : []
  const [expandedFor, setExpandedFor] = useState<string | null>(null)
  const highlighted = useHighlightedMember('payload', decoded.token)
  const showAll = expandedFor === decoded.token
  const rows = showAll ? members : members.slice(0, FIRST_ROWS)
  const counts = new Map<string, number>()
  for (const m of members) counts.set(m.name, (counts.get(m.name) ?? 0) + 1)

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
      <div className="-mx-3 -mb-3 overflow-x-auto">
        <table aria-label="Claims" className="w-full min-w-[34rem] table-fixed border-collapse text-sm">
          <colgroup>
            <col className="w-[22%]" />
            <col className="w-[43%]" />
            <col className="w-[35%]" />
          </colgroup>
          <thead>
            <tr className="border-b border-slate-200 bg-slate-50 text-left text-xs tracking-wide text-slate-600 uppercase dark:border-slate-800 dark:bg-slate-800/50 dark:text-slate-300">
              <th scope="col" className="px-3 py-1.5 font-semibold">Claim</th>
              <th scope="col" className="px-3 py-1.5 font-semibold">Value</th>
              <th scope="col" className="px-3 py-1.5 font-semibold">Description</th>
            </tr>
          </thead>
          <tbody>
            {empty !== null && (
              <tr>
                <td colSpan={3} className="px-3 py-3 text-slate-600 dark:text-slate-400">{empty}</td>
              </tr>
            )}
            {isObject(value) &&
              rows.map((m, i) => (
                <ClaimRow key={i} index={i} member={m} value={value[m.name] as JsonValue} repeated={(counts.get(m.name) ?? 0) > 1} highlighted={highlighted === i} />
              ))}
          </tbody>
        </table>
        {!showAll && members.length > FIRST_ROWS && (
          <div className="flex items-center gap-3 border-t border-slate-200 px-3 py-2 text-sm dark:border-slate-800">
            <span className="text-slate-600 dark:text-slate-400">Showing the first {FIRST_ROWS} of {members.length.toLocaleString('en-US')} claims.</span>
            <button
              type="button"
              onClick={() => setExpandedFor(decoded.token)}
              className="rounded-md border border-slate-300 px-2 py-0.5 font-medium hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-500 dark:border-slate-600 dark:hover:bg-slate-800"
            >
              Show all {members.length.toLocaleString('en-US')} claims
            </button>
          </div>
        )}
      </div>
    </Panel>
  )
}

interface ClaimRowProps {
  readonly index: number
  readonly member: JsonMember
  readonly value: JsonValue
  readonly repeated: boolean
  /** Teaching mode: the hovered token characters encode this claim. */
  readonly highlighted: boolean
}

function ClaimRow({ index, member, value, repeated, highlighted }: ClaimRowProps) {
  const entry = describeMember(member.name, 'payload')
  const isTime = TIME_CLAIMS.has(member.name)
  const isScope = member.name === 'scope' || member.name === 'scp'
  return (
    <tr
      onMouseEnter={() => highlightMember('payload', index)}
      onMouseLeave={clearHighlight}
      data-highlighted={highlighted || undefined}
      className={`border-b border-slate-100 align-top last:border-b-0 dark:border-slate-800 ${
        highlighted
          ? 'bg-amber-100 outline-2 -outline-offset-2 outline-amber-500 dark:bg-amber-500/20 dark:outline-amber-400'
          : 'odd:bg-white even:bg-slate-50/60 dark:odd:bg-slate-900 dark:even:bg-slate-800/30'
      }`}
    >
      <th scope="row" className="px-3 py-1.5 text-left font-mono text-[13px] font-semibold break-all text-violet-700 dark:text-violet-300">
        {member.name}
        {repeated && <span className="ml-1 block font-sans text-xs font-normal text-amber-700 dark:text-amber-300">Repeated name: the last value counts</span>}
      </th>
      <td className="min-w-0 px-3 py-1.5 break-words">
        {isTime ? <TimeValue name={member.name} value={value} /> : isScope ? <ScopeChips value={value} /> : <ClaimValue value={value} />}
      </td>
      <td className="px-3 py-1.5 text-slate-700 dark:text-slate-300">
        {entry ? (
          <>
            <span className="font-medium text-slate-900 dark:text-slate-100">{entry.title}.</span> {entry.description}{' '}
            <span className="text-xs whitespace-nowrap text-slate-500 dark:text-slate-400">({entry.spec})</span>
          </>
        ) : (
          <span className="text-slate-500 italic dark:text-slate-400">Not a registered claim</span>
        )}
      </td>
    </tr>
  )
}
