import { useState } from 'react'
import { CopyButton } from '../../components/copy-button'
import { JsonEditor } from '../../components/monaco/json-editor'
import { Panel } from '../../components/panel'
import { segmentSwatch, segmentText } from '../../components/segment-colors'
import { Button, SwatchLabel, VirtualText } from '../../components/ui'
import { useShownToken } from '../../session/shown-token'
import { useReencode, type EditProblems } from './use-reencode'
import { displayOf, type PartDisplay } from './display-text'

type Pane = 'header' | 'payload'

const kindNote: Record<string, string> = {
  text: 'The payload is text, not JSON; it is shown as is.',
  binary: 'The payload is binary (not UTF-8 text); it is shown as hexadecimal bytes, read-only.',
}

/**
 * The Header and Payload editors. Edits re-encode the token live; a token changed elsewhere (typed,
 * pasted, signed) replaces the editors' text, but the echo of the user's own edit does not, so the
 * cursor never jumps while typing.
 */
export function JsonPanels() {
  const decoded = useShownToken()
  const { reencode, ownEditOf } = useReencode()
  const header = displayOf(decoded.header)
  const payload = displayOf(decoded.payload)
  const editable = decoded.kind === 'jws' || decoded.token === ''

  // Render-time sync with the decoded token: a token from elsewhere refreshes both panes; the echo of
  // an edit refreshes only the panes the user did not type in.
  const [seen, setSeen] = useState({ token: decoded.token, header: 0, payload: 0 })
  const [drafts, setDrafts] = useState<Partial<Record<Pane, string>>>({})
  const [problems, setProblems] = useState<EditProblems>({})
  if (seen.token !== decoded.token) {
    const own = ownEditOf(decoded.token)
    const keepHeader = own?.header === true
    const keepPayload = own?.payload === true
    setSeen({
      token: decoded.token,
      header: keepHeader ? seen.header : seen.header + 1,
      payload: keepPayload ? seen.payload : seen.payload + 1,
    })
    if (!keepHeader || !keepPayload) {
      setDrafts({ header: keepHeader ? drafts.header : undefined, payload: keepPayload ? drafts.payload : undefined })
    }
    if (own === undefined) setProblems({})
  }

  const onEdit = (pane: Pane, text: string) => {
    const next = { ...drafts, [pane]: text }
    setDrafts(next)
    void reencode({
      decoded,
      headerText: next.header,
      payloadText: next.payload,
      payloadIsJson: payload.kind !== 'text',
    }).then(setProblems)
  }

  const headerText = drafts.header ?? header.text
  const payloadText = drafts.payload ?? payload.text

  return (
    <div className="grid min-w-0 gap-3">
      <Panel
        title={<SwatchLabel swatch={segmentSwatch.header}>Header</SwatchLabel>}
        label="Header"
        titleClassName={segmentText.header}
        actions={<CopyButton text={headerText} label="Copy header" />}
      >
        <PaneEditor pane="header" view={header} revision={seen.header} editable={editable} error={problems.header} onEdit={onEdit} />
      </Panel>
      <Panel
        title={<SwatchLabel swatch={segmentSwatch.payload}>Payload</SwatchLabel>}
        label="Payload"
        titleClassName={segmentText.payload}
        actions={<CopyButton text={payloadText} label="Copy payload" />}
      >
        {decoded.kind === 'jwe' ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">This token is encrypted (JWE): its payload cannot be shown without decrypting it.</p>
        ) : (
          <>
            {kindNote[payload.kind] !== undefined && <p className="mb-2 text-sm text-slate-600 dark:text-slate-400">{kindNote[payload.kind]}</p>}
            <PaneEditor pane="payload" view={payload} revision={seen.payload} editable={editable} error={problems.payload} onEdit={onEdit} />
          </>
        )}
      </Panel>
      {problems.signing !== undefined && (
        <p role="status" className="rounded-md border border-amber-400 bg-amber-50 px-2 py-1 text-sm text-amber-900 dark:border-amber-500/60 dark:bg-amber-950/60 dark:text-amber-200">
          {problems.signing}
        </p>
      )}
    </div>
  )
}

const paneLabel = { header: 'Header', payload: 'Payload' } as const

interface PaneEditorProps {
  readonly pane: Pane
  readonly view: PartDisplay
  readonly revision: number
  readonly editable: boolean
  readonly error: string | undefined
  readonly onEdit: (pane: Pane, text: string) => void
}

/**
 * A part whose text is longer than this is first shown in a light read-only view: an editor needs
 * hundreds of milliseconds to take in a megabyte, and the page would stop answering meanwhile.
 */
const LIGHT_VIEW_OVER = 64 * 1024

function PaneEditor({ pane, view, revision, editable, error, onEdit }: PaneEditorProps) {
  // Which text the user chose to edit anyway; a new token's text starts in the light view again.
  const [editing, setEditing] = useState<string | null>(null)
  if (view.text.length > LIGHT_VIEW_OVER && editing !== view.text && error === undefined) {
    return (
      <>
        <p className="mb-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-600 dark:text-slate-400">
          <span>
            {view.text.length.toLocaleString('en-US')} characters: shown read-only so the page stays responsive.
          </span>
          {editable && view.editable && (
            <Button size="sm" variant="secondary" onClick={() => setEditing(view.text)}>
              Edit {paneLabel[pane].toLowerCase()} in the editor
            </Button>
          )}
        </p>
        <EditorFrame error={undefined}>
          <VirtualText label={paneLabel[pane]} text={view.text} />
        </EditorFrame>
      </>
    )
  }
  return (
    <EditorFrame error={error}>
      <JsonEditor
        ariaLabel={paneLabel[pane]}
        schema={pane}
        language={view.language}
        value={view.text}
        revision={revision}
        readOnly={!editable || !view.editable}
        onUserEdit={(text) => onEdit(pane, text)}
      />
    </EditorFrame>
  )
}

function EditorFrame({ error, children }: { readonly error: string | undefined; readonly children: React.ReactNode }) {
  return (
    <>
      <div
        className={`overflow-hidden rounded-md border ${error ? 'border-rose-500' : 'border-slate-300 dark:border-slate-700'}`}
      >
        {children}
      </div>
      {error && (
        <p role="alert" className="mt-1.5 text-sm text-rose-700 dark:text-rose-300">
          {error} The token is not updated until this is fixed.
        </p>
      )}
    </>
  )
}
