import { useId, useState } from 'react'
import { loadX509, type CertificateSummary, type ChainCheck, type ChainReport, type CoreError } from '../../core'
import { Panel } from '../../components/panel'
import { Alert, CheckTable, TextField, Verdict, type Column } from '../../components/ui'
import { useLatest } from '../../hooks/use-latest'
import { useNow } from '../../session/use-now'
import type { FoundChain } from './find-x5c'

const checkTitle: Readonly<Record<ChainCheck['id'], string>> = {
  validity: 'Dates',
  'issuer-name': 'Issuer name',
  signature: 'Signature',
  'issuer-is-ca': 'Issuer is a CA',
  'critical-extensions': 'Critical extensions',
  trust: 'Trust',
  'leaf-usage': 'Key usage',
  'leaf-key': 'Verification key',
  x5t: 'x5t (SHA-1)',
  'x5t#S256': 'x5t#S256',
  'host-name': 'Host name',
  revocation: 'Revocation',
}

const columns: readonly Column<ChainCheck>[] = [
  { header: 'Check', kind: 'header', width: 'w-[10rem]', cell: (c) => checkTitle[c.id], sub: (c) => (c.certificate !== undefined ? `certificate ${c.certificate}` : undefined) },
  { header: 'Verdict', kind: 'verdict', width: 'w-[5.5rem]' },
  { header: 'Message', card: 'body', className: 'break-words', cell: (c) => c.message },
]

type Outcome = { readonly ok: true; readonly value: ChainReport } | { readonly ok: false; readonly error: CoreError }

interface CertificateChainPanelProps {
  readonly found: FoundChain
  /** RFC 7638 thumbprints of the verification key(s), compared with the leaf's key. */
  readonly keyThumbprints: readonly string[]
}

/**
 * The `x5c` chain of the token (or of its key): each certificate, and verdict rows saying which
 * trust was checked (dates, issuers, signatures, the pasted root, the leaf's key, x5t) and which
 * was not (host names, revocation).
 */
export function CertificateChainPanel({ found, keyThumbprints }: CertificateChainPanelProps) {
  const now = useNow(60_000)
  const [root, setRoot] = useState('')
  const headingId = useId()
  const request = JSON.stringify([found, keyThumbprints, root])
  const latest = useLatest<Outcome>([request, now], async () => {
    const x509 = await loadX509()
    return x509.checkCertificateChain({
      x5c: found.x5c,
      now,
      trustedRoots: root,
      keyThumbprints,
      ...(found.x5t !== undefined ? { x5t: found.x5t } : {}),
      ...(found.x5tS256 !== undefined ? { x5tS256: found.x5tS256 } : {}),
    })
  })
  const outcome = latest.status === 'done' ? latest.value : latest.status === 'pending' && latest.previous?.key[0] === request ? latest.previous.value : null

  return (
    <section aria-labelledby={headingId}>
      <Panel title="Certificate chain" headingId={headingId} actions={outcome?.ok === true && <Verdict look="badge" kind={outcome.value.trusted ? 'pass' : 'fail'} words={{ pass: 'Trusted', fail: 'Not trusted' }} className="ml-auto" />}>
        <div className="flex flex-col gap-3 text-sm">
          <p className="text-slate-700 dark:text-slate-300">
            The x5c of {found.where}: the signer&apos;s certificate first, then each issuer. A chain proves nothing by itself:
            it is trusted only when it ends at a root you trust, pasted below.
          </p>
          <TextField
            label="Trusted root"
            value={root}
            rows={3}
            placeholder="-----BEGIN CERTIFICATE----- (the root CA you trust)"
            description="Only what you paste here is trusted; nothing is looked up."
            onChange={setRoot}
          />
          {outcome === null && <p className="text-slate-600 dark:text-slate-400">Checking the chain…</p>}
          {outcome?.ok === false && <Alert tone="error">{outcome.error.message}</Alert>}
          {outcome?.ok === true && (
            <>
              <ol aria-label="Certificates" className="flex flex-col gap-2">
                {outcome.value.certificates.map((c) => <CertificateCard key={c.index} certificate={c} />)}
              </ol>
              <CheckTable label="Certificate checks" columns={columns} rows={outcome.value.checks} rowKey={(c, i) => `${c.id}-${c.certificate ?? ''}-${i}`} verdict={(c) => c.verdict} cardsBelow="sm" frame="box" />
            </>
          )}
        </div>
      </Panel>
    </section>
  )
}

function CertificateCard({ certificate: c }: { readonly certificate: CertificateSummary }) {
  const role = c.index === 0 ? 'leaf' : c.basicConstraints?.ca === true ? 'CA' : 'certificate'
  const facts: readonly (readonly [string, string])[] = [
    ['Issuer', c.issuer],
    ['Serial', c.serial],
    ['Not before', c.notBefore],
    ['Not after', c.notAfter],
    ['Public key', c.publicKey],
    ['Signature', c.signatureAlgorithm],
    ['Key usage', c.keyUsage?.join(', ') ?? 'not restricted'],
    ['Extended key usage', c.extendedKeyUsage?.join(', ') ?? 'not restricted'],
    ['Basic constraints', c.basicConstraints === undefined ? 'none' : c.basicConstraints.ca ? `CA${c.basicConstraints.pathLength !== undefined ? `, path length ${c.basicConstraints.pathLength}` : ''}` : 'not a CA'],
    ['SHA-256 fingerprint', c.sha256Fingerprint],
  ]
  return (
    <li className="rounded-md border border-slate-200 px-3 py-2 dark:border-slate-700">
      <p className="font-semibold break-words">
        {c.index}. {c.subject || '(no subject)'} <span className="text-xs font-normal text-slate-600 dark:text-slate-400">{role}{c.selfSigned ? ', self-signed' : ''}</span>
      </p>
      <dl className="mt-1 grid gap-x-3 text-xs sm:grid-cols-[10rem_minmax(0,1fr)]">
        {facts.map(([term, value]) => (
          <div key={term} className="contents">
            <dt className="text-slate-600 dark:text-slate-400">{term}</dt>
            <dd className="font-mono break-all">{value}</dd>
          </div>
        ))}
      </dl>
    </li>
  )
}
