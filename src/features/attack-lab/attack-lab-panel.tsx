import { useId, useRef, useState } from 'react'
import {
  attackCatalogue,
  attackInfo,
  craftAttack,
  formatJson,
  type AttackId,
  type AttackInput,
  type AttackerKeyType,
  type CraftedToken,
  type DecodedToken,
} from '../../core'
import { useShownToken } from '../../session/shown-token'
import { useDraft } from '../../hooks/use-draft'
import { useAppStore } from '../../store/app-store'
import { CraftedTokenItem } from './crafted-token-item'
import { Alert, Button, LabelledText, TextField } from '../../components/ui'

/** Header used when the Encoded token has none to start from. */
const FALLBACK_HEADER = '{"typ":"JWT"}'
const FALLBACK_PAYLOAD = '{\n  "sub": "1234567890",\n  "role": "admin"\n}'

const defaultUrl: Partial<Record<AttackId, string>> = {
  'jku-injection': 'https://attacker.example/jwks.json',
  'x5u-injection': 'https://attacker.example/cert.pem',
}

/** The JSON text of a decoded part, pretty-printed for editing, or undefined when it is not JSON. */
function jsonText(part: DecodedToken['header']): string | undefined {
  return part !== null && part.kind === 'json' && part.text !== null ? formatJson(part.text, { alreadyValid: true }) : undefined
}

type CraftState =
  | { readonly phase: 'idle' }
  | { readonly phase: 'crafting' }
  | { readonly phase: 'done'; readonly tokens: readonly CraftedToken[] }
  | { readonly phase: 'error'; readonly message: string }

/**
 * The attack lab: choose an attack from the catalogue, see the verifier bug it exploits and its fix,
 * give the inputs it needs and craft tokens from the current header and payload. Crafted tokens can
 * be copied or put into the Encoded token.
 */
export function AttackLabPanel() {
  const decoded = useShownToken()
  const token = useAppStore((s) => s.token)
  const verificationKey = useAppStore((s) => s.verificationKey)
  const [attack, setAttack] = useState<AttackId>('alg-none')
  const info = attackInfo(attack)
  const headerText = jsonText(decoded.header)
  const [payload, setPayload, resetPayload] = useDraft(jsonText(decoded.payload) ?? FALLBACK_PAYLOAD)
  const [publicKey, setPublicKey, resetPublicKey] = useDraft(verificationKey)
  const [urls, setUrls] = useState<Partial<Record<AttackId, string>>>({})
  const [keyType, setKeyType] = useState<AttackerKeyType>('EC')
  const [state, setState] = useState<CraftState>({ phase: 'idle' })
  const run = useRef(0)
  const ids = { attacks: useId(), keyType: useId(), details: useId() }
  const url = urls[attack] ?? defaultUrl[attack] ?? ''
  const needs = new Set(info.inputs)

  const choose = (id: AttackId) => {
    run.current++
    setAttack(id)
    setState({ phase: 'idle' })
  }

  const craft = async () => {
    const mine = ++run.current
    setState({ phase: 'crafting' })
    const input: AttackInput = {
      headerText: headerText ?? FALLBACK_HEADER,
      payloadText: payload,
      publicKeyText: publicKey,
      url,
      keyType,
      originalToken: token,
    }
    const result = await craftAttack(attack, input)
    if (mine !== run.current) return
    setState(result.ok ? { phase: 'done', tokens: result.value } : { phase: 'error', message: result.error.message })
  }

  return (
    <section aria-label="Attack lab" className="flex flex-col gap-3">
      <p
        role="note"
        className="rounded-md border-l-4 border-amber-500 bg-amber-50 px-3 py-2 text-sm font-medium text-amber-950 dark:bg-amber-950 dark:text-amber-100"
      >
        For testing your own services only. Crafting tokens is harmless here; sending them to systems you do not own or
        have no permission to test is not.
      </p>
      <div className="grid gap-4 md:grid-cols-[minmax(14rem,18rem)_1fr]">
        <fieldset className="flex min-w-0 flex-col gap-1">
          <legend id={ids.attacks} className="mb-1 text-sm font-semibold">Attack</legend>
          {attackCatalogue.map((a) => (
            <label
              key={a.id}
              className={`flex cursor-pointer items-start gap-2 rounded-md border px-2 py-1.5 text-sm ${
                a.id === attack
                  ? 'border-sky-600 bg-sky-50 dark:border-sky-400 dark:bg-sky-950'
                  : 'border-slate-200 hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-800'
              }`}
            >
              <input type="radio" name={ids.attacks} value={a.id} checked={a.id === attack} onChange={() => choose(a.id)} className="mt-1" />
              <span className="min-w-0 break-words">{a.title}</span>
            </label>
          ))}
        </fieldset>

        <div className="flex min-w-0 flex-col gap-3">
          <div id={ids.details} className="flex flex-col gap-1.5 text-sm">
            <h3 className="text-base font-semibold break-words">{info.title}</h3>
            <LabelledText label="Verifier bug it exploits">{info.exploits}</LabelledText>
            <LabelledText label="Fix">{info.fix}</LabelledText>
            <LabelledText label="References" look="note">{info.references.join('; ')}</LabelledText>
          </div>

          <p className="text-xs text-slate-600 dark:text-slate-400">
            {headerText !== undefined
              ? 'The header is taken from the Encoded token; the attack changes only the members it needs.'
              : `The Encoded token has no JSON header, so the attack starts from ${FALLBACK_HEADER}.`}
            {needs.has('originalToken') && ' The header and signature are kept from the Encoded token.'}
          </p>

          {needs.has('publicKey') && (
            <TextField
              label="Verifier's public key"
              actions={<Button size="xs" onClick={resetPublicKey}>Use the Verification key</Button>}
              value={publicKey}
              onChange={setPublicKey}
              rows={6}
              placeholder="-----BEGIN PUBLIC KEY----- … or a public JWK"
            />
          )}

          {needs.has('url') && (
            <TextField label="Key URL" type="url" code spellCheck={false} value={url} onChange={(v) => setUrls((u) => ({ ...u, [attack]: v }))} />
          )}

          {needs.has('keyType') && (
            <div className="flex flex-wrap items-center gap-2 text-sm">
              <label htmlFor={ids.keyType} className="font-medium">Attacker key type</label>
              <select
                id={ids.keyType}
                value={keyType}
                onChange={(e) => setKeyType(e.target.value === 'RSA' ? 'RSA' : 'EC')}
                className="rounded border border-slate-300 bg-white px-1 py-0.5 dark:border-slate-600 dark:bg-slate-900"
              >
                <option value="EC">EC P-256 (ES256)</option>
                <option value="RSA">RSA 2048 (RS256)</option>
              </select>
            </div>
          )}

          <TextField
            label={needs.has('originalToken') ? 'Modified payload' : 'Payload of the crafted token'}
            actions={<Button size="xs" onClick={resetPayload}>Use the current payload</Button>}
            value={payload}
            onChange={setPayload}
            rows={Math.min(12, Math.max(4, payload.split('\n').length))}
          />

          <div className="flex flex-wrap items-center gap-3">
            <Button variant="primary" disabled={state.phase === 'crafting'} onClick={() => void craft()}>
              Craft
            </Button>
            <span role="status" className="text-sm text-slate-700 dark:text-slate-300">
              {state.phase === 'crafting'
                ? 'Crafting…'
                : state.phase === 'done'
                  ? `${state.tokens.length} ${state.tokens.length === 1 ? 'token' : 'tokens'} crafted.`
                  : ''}
            </span>
          </div>
          {state.phase === 'error' && <Alert tone="error">{state.message}</Alert>}
          {state.phase === 'done' && (
            <ul aria-label="Crafted tokens" className="flex flex-col gap-3">
              {state.tokens.map((t, i) => (
                <CraftedTokenItem key={`${t.token}-${i}`} crafted={t} />
              ))}
            </ul>
          )}
        </div>
      </div>
    </section>
  )
}
