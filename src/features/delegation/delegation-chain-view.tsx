import { useMemo, useState } from 'react'
import { delegationChain, type DelegationChain, type DelegationParty, type MayActCheck } from '../../core'
import { useShownToken } from '../../session/shown-token'
import { useNow } from '../../session/use-now'
import { useAppStore } from '../../store/app-store'
import { buildDelegationExample } from './delegation-example'
import { PartyClaims } from './party-claims'
import { Alert, Button, Verdict } from '../../components/ui'

const roleStyle: Readonly<Record<DelegationParty['role'], string>> = {
  subject: 'border-sky-300 bg-sky-50 dark:border-sky-700 dark:bg-sky-950/50',
  actor: 'border-violet-300 bg-violet-50 dark:border-violet-700 dark:bg-violet-950/50',
  'prior-actor': 'border-slate-300 bg-slate-50 dark:border-slate-700 dark:bg-slate-800/50',
}

function partyName(party: DelegationParty | undefined): string {
  return party?.sub ?? 'an unnamed party'
}

/** The connector above a party: who it acts for, or whom it came before. */
function connectorText(party: DelegationParty, parties: readonly DelegationParty[]): string | null {
  if (party.role === 'subject') return null
  if (party.role === 'actor') return `acts for ${partyName(parties[0])}`
  return `acted for ${partyName(parties[0])} before ${partyName(parties[party.depth - 1])}`
}

/**
 * The current token's RFC 8693 delegation chain: subject, current actor, then prior actors, with the
 * `may_act` verdict. Without an `act` claim it explains delegation and offers a signed example.
 */
export function DelegationChainView() {
  const decoded = useShownToken()
  const chain = useMemo(() => {
    const payload = decoded.kind === 'jws' && decoded.payload?.kind === 'json' ? decoded.payload.value : undefined
    return payload === undefined ? null : delegationChain(payload)
  }, [decoded])

  if (decoded.token.trim() === '') return <EmptyState reason="There is no token yet." />
  if (chain === null) return <EmptyState reason="The token's payload is not a JSON object of claims, so it has no delegation chain." />
  if (!chain.ok) {
    return (
      <Alert tone="error">{chain.error.message}</Alert>
    )
  }
  if (chain.value.actorCount === 0) {
    return (
      <div className="flex flex-col gap-2">
        <EmptyState reason='This token has no "act" claim: nobody acts on behalf of its subject.' />
        {chain.value.mayAct !== null && <MayActVerdict check={chain.value.mayAct} />}
      </div>
    )
  }
  return <ChainList chain={chain.value} />
}

function ChainList({ chain }: { readonly chain: DelegationChain }) {
  const { parties } = chain
  return (
    <div className="flex flex-col gap-3">
      <p className="text-sm text-slate-700 dark:text-slate-300">{chain.summary}</p>
      <ol aria-label="Delegation chain" className="flex flex-col">
        {parties.map((party) => {
          const connector = connectorText(party, parties)
          return (
            <li key={party.path} className="flex flex-col">
              {connector !== null && (
                <div className="flex items-center gap-2 py-1 pl-4 text-xs text-slate-600 dark:text-slate-400">
                  <span aria-hidden="true" className="text-base leading-none">↑</span>
                  <span className="break-all">{connector}</span>
                </div>
              )}
              <div className={`rounded-md border px-3 py-2 ${roleStyle[party.role]}`}>
                <div className="flex flex-wrap items-baseline gap-x-2">
                  <span className="text-sm font-semibold">{party.label}</span>
                  <span className="font-mono text-xs text-slate-600 dark:text-slate-300">{party.path}</span>
                </div>
                <p className="font-mono text-sm break-all">sub: {party.sub ?? '(none)'}</p>
                {party.iss !== undefined && <p className="font-mono text-sm break-all">iss: {party.iss}</p>}
                <PartyClaims claims={party.claims} />
              </div>
            </li>
          )
        })}
      </ol>
      {chain.mayAct !== null && <MayActVerdict check={chain.mayAct} />}
    </div>
  )
}

function MayActVerdict({ check }: { readonly check: MayActCheck }) {
  return (
    <div role="group" aria-label="may_act check" className="rounded-md border border-slate-200 px-3 py-2 text-sm dark:border-slate-700">
      <span className="font-mono font-semibold">may_act</span>: <Verdict kind={check.verdict} />{' '}
      <span>{check.message}</span>
    </div>
  )
}

function EmptyState({ reason }: { readonly reason: string }) {
  const now = useNow(60_000)
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const load = async () => {
    setBusy(true)
    const built = await buildDelegationExample(now)
    setBusy(false)
    if (!built.ok) {
      setProblem(built.error.message)
      return
    }
    setProblem(null)
    const { token, secret } = built.value
    useAppStore.getState().loadSession({
      token,
      verificationKey: secret,
      secretEncoding: 'base64url',
      signingKey: secret,
      signingEncoding: 'base64url',
      algorithm: 'HS256',
    })
  }

  return (
    <div className="flex flex-col gap-2 text-sm">
      <p className="font-medium">{reason}</p>
      <p className="text-slate-700 dark:text-slate-300">
        With OAuth 2.0 Token Exchange (RFC 8693), a service that received a user&apos;s token can trade it for a new one
        to call the next service. The new token keeps the user as its subject (<code>sub</code>) and records the service in
        an <code>act</code> (actor) claim. When that service exchanges again, the previous <code>act</code> is nested inside
        the new one, so the token carries the whole chain: who acts now, and who acted before. A <code>may_act</code> claim
        names who is allowed to act for the subject.
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <Button onClick={() => void load()} disabled={busy}>
          Load a delegation example
        </Button>
        <span className="text-xs text-slate-600 dark:text-slate-400">Signed here with a new random HS256 secret, which goes into the key boxes.</span>
      </div>
      {problem !== null && <Alert tone="error">{problem}</Alert>}
    </div>
  )
}
