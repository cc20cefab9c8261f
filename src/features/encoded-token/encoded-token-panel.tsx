import { useRef, useState, type ClipboardEvent, type ChangeEvent, type MouseEvent } from 'react'
import { extractToken } from '../../core'
import { CopyButton } from '../../components/copy-button'
import { Panel } from '../../components/panel'
import { segmentSwatch } from '../../components/segment-colors'
import { useDecodedToken, useDecodingInBackground } from '../../session/use-decoded-token'
import { useTokenHighlight } from '../../hooks/member-highlight'
import { textOffsetAtPoint } from '../../hooks/text-offset-at-point'
import { MemberHighlightCaption } from '../../components/member-highlight-caption'
import { Button, SwatchLabel, VirtualText } from '../../components/ui'
import { useAppStore } from '../../store/app-store'
import { decodeHuge, HUGE_INPUT } from '../../workers/token-client'
import { BARE_TOKEN, changePolicy, pasteMayExtract } from './paste-policy'
import { OVERLAY_LIMIT, TokenOverlay } from './token-overlay'
import { TokenPicker } from './token-picker'

// Store actions are stable functions: the pointer handlers can take them once.
const { clearHighlight, highlightAtTokenOffset } = useAppStore.getState()

// Same font, size, line height, padding and wrapping on the textarea and the overlay, or they drift apart.
const TEXT_LAYOUT =
  'm-0 box-border w-full border-0 px-3 py-2 font-mono text-[13px] leading-5 whitespace-pre-wrap break-all [overflow-wrap:anywhere] [scrollbar-gutter:stable] [tab-size:8]'

/**
 * Stores a paste (or a bulk insert, which is one in all but name): the cleaned token with notes of
 * what was removed when the text may carry more than a token, else the text as is. Either way it
 * replaces the tokens of the last paste that the picker offers.
 */
function storeExtracted(text: string): void {
  const extraction = BARE_TOKEN.test(text) ? null : extractToken(text)
  // A note with an unchanged token still matters (a non-ASCII look-alike letter is kept and named).
  useAppStore.getState().storePaste(extraction === null || extraction.stripped.length === 0 ? { token: text, stripped: [] } : extraction)
}

/** The `Encoded token` box: a textarea over a colour-coded copy of the token. */
export function EncodedTokenPanel() {
  const token = useAppStore((s) => s.token)
  const setToken = useAppStore((s) => s.setToken)
  const storePaste = useAppStore((s) => s.storePaste)
  const notes = useAppStore((s) => s.extractionNotes)
  const stale = useAppStore((s) => s.signatureStale)
  const decoded = useDecodedToken()
  const inBackground = useDecodingInBackground()
  const overlayRef = useRef<HTMLDivElement>(null)

  const onPaste = (e: ClipboardEvent<HTMLTextAreaElement>) => {
    const pasted = e.clipboardData.getData('text')
    const box = e.currentTarget
    // Pasting over the whole text (or into an empty box) replaces the token; extract from the paste then.
    const replacesAll = box.selectionStart === 0 && box.selectionEnd === box.value.length
    if (!pasteMayExtract(pasted, replacesAll)) return
    const extraction = extractToken(pasted)
    if (extraction.stripped.length === 0) return
    e.preventDefault()
    storePaste(extraction)
  }

  const onChange = (e: ChangeEvent<HTMLTextAreaElement>) => {
    const text = e.target.value
    const policy = changePolicy(token, text)
    if (policy === 'later') {
      // Searching a huge paste takes a while: show it first, clean it up in the token worker.
      setToken(text)
      void decodeHuge(text, true).then(({ extraction }) => {
        if (useAppStore.getState().token !== text) return
        useAppStore.getState().storePaste(extraction === null || extraction.stripped.length === 0 ? { token: text, stripped: [] } : extraction)
      })
      return
    }
    if (policy === 'extract') storeExtracted(text)
    else setToken(text)
  }

  const onScroll = () => {
    const overlay = overlayRef.current
    const box = overlay?.nextElementSibling
    if (overlay && box) {
      overlay.scrollTop = box.scrollTop
      overlay.scrollLeft = box.scrollLeft
    }
  }

  // A huge token is shown in a light view: a text box needs over 100 ms to lay out a megabyte,
  // on every change. The box comes back when the user asks to edit, or the token is small again.
  const [asText, setAsText] = useState(false)
  const huge = token.length > HUGE_INPUT
  if (asText && !huge) setAsText(false)
  const light = huge && !asText

  const coloured = token.length <= OVERLAY_LIMIT
  const highlight = useTokenHighlight(token)

  // Teaching mode: hovering encoded characters highlights the JSON member they decode to.
  const onMouseMove = (e: MouseEvent<HTMLTextAreaElement>) => {
    const overlay = overlayRef.current
    if (!overlay) return
    const offset = textOffsetAtPoint(overlay, e.clientX, e.clientY)
    highlightAtTokenOffset(offset !== null && offset < token.length ? offset : null)
  }
  const diagnostics = decoded.token === token ? decoded.diagnostics : []
  const isJwe = decoded.kind === 'jwe' && decoded.token === token
  const alg = decoded.token === token ? decoded.alg : undefined

  return (
    <Panel title="Encoded token" actions={<CopyButton text={() => useAppStore.getState().token} label="Copy token" />}>
      {light ? (
        <>
          <div className="overflow-hidden rounded-md border border-slate-300 dark:border-slate-700">
            <VirtualText label="Large token, read-only" text={token} height={180} takeFocus />
          </div>
          <div className="mt-2 flex flex-wrap items-center gap-2 text-sm text-slate-600 dark:text-slate-400">
            <span>Shown read-only: a text box would slow the page down at this size.</span>
            <Button size="sm" variant="secondary" onClick={() => setAsText(true)}>
              Edit as text
            </Button>
            <Button size="sm" variant="secondary" onClick={() => setToken('')}>
              Clear token
            </Button>
          </div>
        </>
      ) : (
      <div className="relative rounded-md border border-slate-300 bg-slate-50 focus-within:border-sky-500 focus-within:ring-2 focus-within:ring-sky-500/40 dark:border-slate-700 dark:bg-slate-950">
        {coloured && (
          <div ref={overlayRef} aria-hidden="true" className={`${TEXT_LAYOUT} pointer-events-none absolute inset-0 overflow-hidden`}>
            <TokenOverlay text={token} diagnostics={diagnostics} highlight={highlight} />
          </div>
        )}
        <textarea
          aria-label="Encoded token"
          value={token}
          onChange={onChange}
          onPaste={onPaste}
          onScroll={onScroll}
          onMouseMove={onMouseMove}
          onMouseLeave={clearHighlight}
          spellCheck={false}
          autoCapitalize="off"
          autoComplete="off"
          autoCorrect="off"
          placeholder="Paste a JWT (or a whole Authorization header, a cookie, a URL with #id_token=…)"
          rows={9}
          autoFocus={huge}
          className={`${TEXT_LAYOUT} relative block min-h-40 resize-y overflow-y-auto bg-transparent outline-none placeholder:text-slate-400 ${
            coloured
              ? 'text-transparent caret-slate-900 selection:bg-sky-300/50 dark:caret-slate-100 selection:text-transparent'
              : 'text-slate-800 dark:text-slate-200'
          }`}
        />
      </div>
      )}

      <div className="mt-2 flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-slate-600 dark:text-slate-400">
        {isJwe ? (
          <>
            <SwatchLabel swatch={segmentSwatch.header}>Header</SwatchLabel>
            <SwatchLabel swatch={segmentSwatch.encrypted_key}>Encrypted key</SwatchLabel>
            <SwatchLabel swatch={segmentSwatch.iv}>IV</SwatchLabel>
            <SwatchLabel swatch={segmentSwatch.ciphertext}>Ciphertext</SwatchLabel>
            <SwatchLabel swatch={segmentSwatch.tag}>Tag</SwatchLabel>
          </>
        ) : (
          <>
            <SwatchLabel swatch={segmentSwatch.header}>Header</SwatchLabel>
            <SwatchLabel swatch={segmentSwatch.payload}>Payload</SwatchLabel>
            <SwatchLabel swatch={segmentSwatch.signature}>{alg ? `Signature (${alg})` : 'Signature'}</SwatchLabel>
          </>
        )}
        <span className="ml-auto tabular-nums">{token.length.toLocaleString('en-US')} characters</span>
      </div>

      <MemberHighlightCaption token={token} />
      {!coloured && !light && (
        <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">
          Colour coding is off for tokens over {OVERLAY_LIMIT / 1024} KB to keep the page responsive.
        </p>
      )}
      {inBackground && (
        <p role="status" aria-label="Decoding" className="mt-2 text-sm text-slate-600 dark:text-slate-400">
          Decoding {(token.length / (1024 * 1024)).toFixed(1)} MB in the background; the page stays usable meanwhile.
        </p>
      )}
      {stale && (
        <p role="note" className="mt-2 rounded-md border border-amber-400 bg-amber-50 px-2 py-1 text-sm text-amber-900 dark:border-amber-500/60 dark:bg-amber-950/60 dark:text-amber-200">
          <strong>Not signed — add a signing key.</strong> The header or payload was edited, so the old signature no longer matches.
        </p>
      )}
      {isJwe && (
        <p role="note" className="mt-2 rounded-md border border-sky-400 bg-sky-50 px-2 py-1 text-sm text-sky-900 dark:border-sky-500/60 dark:bg-sky-950/60 dark:text-sky-200">
          <strong>Encrypted token (JWE).</strong> It has five parts; only the header can be shown. The payload stays encrypted.
        </p>
      )}
      {notes.length > 0 && (
        <div role="status" aria-label="Extraction notes" className="mt-2 rounded-md border border-slate-300 bg-slate-50 px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-800/60">
          <span className="font-medium">Cleaned up the pasted text:</span>{' '}
          <ul className="inline">
            {notes.map((note, i) => (
              <li key={i} className="inline after:content-['_·_'] last:after:content-none">
                {note}
              </li>
            ))}
          </ul>
        </div>
      )}
      <TokenPicker />
    </Panel>
  )
}
