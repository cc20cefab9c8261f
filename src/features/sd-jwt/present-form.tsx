import { useState } from 'react'
import { loadSdJwt, parseKey, type Disclosure, type ProcessedSdJwt, type Result } from '../../core'
import { Alert, Button, TextField } from '../../components/ui'
import { useBusyTask } from '../../hooks/use-busy-task'
import { useLatest } from '../../hooks/use-latest'
import { useShownToken } from '../../session/shown-token'
import { useNow } from '../../session/use-now'
import { useAppStore } from '../../store/app-store'
import { useFirstRows } from './first-rows'
import { toggleDisclosure } from './presentation-choice'

interface PresentFormProps {
  /** The holder's private key text (filled when the issuer builder generates the holder key). */
  readonly holderPrivate: string
  readonly onHolderPrivate: (text: string) => void
}

/** The checkbox's words for a disclosure: where its value lands, or what it is when it lands nowhere. */
function disclosureLabel(d: Disclosure): string {
  if (d.placedAt !== null) return d.placedAt
  return d.content.kind === 'property' ? `${d.content.name} (not referenced)` : `array element ${d.index + 1} (not referenced)`
}

/**
 * The holder's side: choose which disclosures of the SD-JWT in the Encoded token to reveal, and add
 * a key binding JWT for a verifier's audience and nonce with the holder's private key.
 */
export function PresentForm({ holderPrivate, onHolderPrivate }: PresentFormProps) {
  const decoded = useShownToken()
  const text = decoded.sdJwt !== undefined ? decoded.token : ''
  const processed = useLatest<Processed | null>(text === '' ? null : [text], async () => {
    let sd: Awaited<ReturnType<typeof loadSdJwt>>
    try {
      sd = await loadSdJwt()
    } catch {
      return null
    }
    const result = await sd.processSdJwt(text)
    return { result, parents: result.ok ? sd.parentDisclosures(result.value.disclosures) : new Map() }
  })

  return (
    <fieldset className="flex flex-col gap-2 rounded-md border border-slate-200 p-2 dark:border-slate-700">
      <legend className="px-1 font-medium">Present</legend>
      <p className="text-slate-700 dark:text-slate-200">As the holder, reveal only the disclosures a verifier needs, and bind the presentation to its audience and nonce with your key.</p>
      {text === '' ? (
        <p className="text-slate-600 dark:text-slate-300">Put an SD-JWT in the Encoded token (issue one above) to present it.</p>
      ) : processed.status !== 'done' ? (
        <p className="text-slate-600 dark:text-slate-300">Reading the SD-JWT…</p>
      ) : processed.value === null ? (
        <Alert tone="error">The SD-JWT code could not be loaded (offline before the app was stored for offline use?). Connect to the network and try again.</Alert>
      ) : !processed.value.result.ok ? (
        <Alert tone="error">{processed.value.result.error.message}</Alert>
      ) : (
        // Keyed by the text: a new SD-JWT starts with nothing chosen.
        <Chooser key={text} text={text} disclosures={processed.value.result.value.disclosures} parents={processed.value.parents} holderPrivate={holderPrivate} onHolderPrivate={onHolderPrivate} />
      )}
    </fieldset>
  )
}

interface ChooserProps extends PresentFormProps {
  readonly text: string
  readonly disclosures: readonly Disclosure[]
  readonly parents: ReadonlyMap<number, number | null>
}

/** The SD-JWT as processed, and the disclosure each disclosure sits in (the engine's `parentDisclosures`). */
interface Processed {
  readonly result: Result<ProcessedSdJwt>
  readonly parents: ReadonlyMap<number, number | null>
}

function Chooser({ text, disclosures, parents, holderPrivate, onHolderPrivate }: ChooserProps) {
  const setToken = useAppStore((s) => s.setToken)
  const now = useNow(10_000)
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set())
  const [aud, setAud] = useState('')
  const [nonce, setNonce] = useState('')
  const { busy, problem, setProblem, run } = useBusyTask()
  const { shown, footer } = useFirstRows(disclosures, 'disclosures')

  const onCreate = () => run(async () => {
    let holderKey
    if (holderPrivate.trim() !== '') {
      const parsed = await parseKey(holderPrivate, { encoding: 'utf8' })
      if (!parsed.ok) return setProblem(`Holder private key: ${parsed.error.message}`)
      holderKey = parsed.value.keys.find((k) => k.kind === 'private')
      if (holderKey === undefined) return setProblem('Holder private key: this is not a private key; the key binding JWT is signed with the private key matching cnf.')
    }
    let sd: Awaited<ReturnType<typeof loadSdJwt>>
    try {
      sd = await loadSdJwt()
    } catch {
      return setProblem('The SD-JWT code could not be loaded (offline before the app was stored for offline use?). Connect to the network and try again.')
    }
    const presented = await sd.presentSdJwt({
      sdJwt: text,
      include: [...selected].sort((a, b) => a - b),
      iat: now,
      ...(holderKey !== undefined ? { holderKey } : {}),
      ...(aud.trim() !== '' ? { aud: aud.trim() } : {}),
      ...(nonce.trim() !== '' ? { nonce: nonce.trim() } : {}),
    })
    if (!presented.ok) return setProblem(presented.error.message)
    setToken(presented.value)
  })

  return (
    <>
      <fieldset className="flex flex-col gap-1">
        <legend className="font-medium">Disclosures to present</legend>
        {disclosures.length === 0 && <p className="text-slate-600 dark:text-slate-300">This SD-JWT has no disclosures to choose from.</p>}
        {shown.map((d) => (
          <label key={d.index} className="flex items-start gap-2">
            <input type="checkbox" className="mt-1" checked={selected.has(d.index)} onChange={(e) => setSelected(toggleDisclosure(selected, d.index, e.target.checked, parents))} />
            <span className="font-mono">{disclosureLabel(d)}</span>
          </label>
        ))}
        {footer}
        <p className="text-xs text-slate-600 dark:text-slate-400">Choosing a nested disclosure also chooses the one it sits in.</p>
      </fieldset>
      <div className="grid gap-2 sm:grid-cols-2">
        <TextField label="Audience" code value={aud} spellCheck={false} placeholder="the verifier, e.g. https://verifier.example.org" onChange={setAud} />
        <TextField label="Nonce" code value={nonce} spellCheck={false} placeholder="the verifier's nonce" onChange={setNonce} />
      </div>
      <TextField
        label="Holder private key"
        value={holderPrivate}
        rows={4}
        placeholder="The private key matching cnf (PEM or JWK); empty: no key binding JWT"
        description="Signs the key binding JWT (typ kb+jwt, with sd_hash over the presentation). Never stored."
        onChange={onHolderPrivate}
      />
      <div className="flex flex-wrap items-center gap-2">
        <Button variant="primary" onClick={() => void onCreate()} disabled={busy}>Create presentation</Button>
        <span className="text-xs text-slate-600 dark:text-slate-400">The presentation goes into the Encoded token.</span>
      </div>
      {problem !== null && <Alert tone="error">{problem}</Alert>}
    </>
  )
}
