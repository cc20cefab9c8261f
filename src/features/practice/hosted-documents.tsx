import { useId, useState, type FormEvent } from 'react'
import { Button, TextField } from '../../components/ui'
import { PartHeading } from './public-material'

interface HostedDocumentsProps {
  readonly hosted: Readonly<Record<string, string>>
  readonly onHost: (url: string, text: string) => void
}

/**
 * "Hosts" a document for the practice verifier (a JWKS for `jku`, a PEM certificate for `x5u`).
 * Nothing is served or fetched: the verifier looks the URL up in this list.
 */
export function HostedDocuments({ hosted, onHost }: HostedDocumentsProps) {
  const [url, setUrl] = useState('https://attacker.example/jwks.json')
  const [text, setText] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const listId = useId()
  const urls = Object.keys(hosted)

  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (url.trim() === '') return setProblem('Enter the URL the token points to in "jku" or "x5u".')
    if (text.trim() === '') return setProblem('Paste the document to host: a JWKS for "jku" or a PEM certificate for "x5u".')
    setProblem(null)
    onHost(url.trim(), text)
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-2" aria-label="Host a document">
      <PartHeading>Hosted documents</PartHeading>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        Documents the verifier will &ldquo;download&rdquo; for a token&apos;s &quot;jku&quot; or &quot;x5u&quot; URL. Nothing is sent
        anywhere: the practice verifier looks the URL up in this list.
      </p>
      <TextField label="Document URL" labelClassName="text-xs font-medium" type="url" code spellCheck={false} value={url} onChange={setUrl} />
      <TextField label="Document text" labelClassName="text-xs font-medium" rows={5} placeholder='{"keys":[…]} or -----BEGIN CERTIFICATE-----' value={text} onChange={setText} />
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit">Host document</Button>
        {problem !== null && <span role="alert" className="text-xs text-rose-800 dark:text-rose-300">{problem}</span>}
      </div>
      <p id={listId} className="text-xs font-medium">Hosted now</p>
      {urls.length === 0 ? (
        <p className="text-xs text-slate-600 dark:text-slate-400">Nothing hosted yet.</p>
      ) : (
        <ul aria-labelledby={listId} className="flex flex-col gap-0.5 text-xs">
          {urls.map((u) => (
            <li key={u} className="font-mono break-all">
              {u} <span className="font-sans text-slate-600 dark:text-slate-400">({(hosted[u] ?? '').length} characters)</span>
            </li>
          ))}
        </ul>
      )}
    </form>
  )
}
