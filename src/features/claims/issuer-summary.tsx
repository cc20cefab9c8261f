import type { RecognisedIssuer } from '../../core'

const LINK = 'text-sky-800 underline underline-offset-2 hover:text-sky-950 dark:text-sky-300 dark:hover:text-sky-100'

/** An external documentation link: a new tab, no referrer (the page URL may carry a token). */
function Reference({ href, children }: { readonly href: string; readonly children: string }) {
  return (
    <a href={href} target="_blank" rel="noopener noreferrer" className={LINK}>
      {children}
    </a>
  )
}

/**
 * The identity provider recognised from the token, whose documentation describes its claims in the
 * table below, and its quirks that matter to a verifier. Everything here is plain text: the label
 * holds parts of the token's `iss` (a realm, a pool), which React escapes.
 */
export function IssuerSummary({ issuer }: { readonly issuer: RecognisedIssuer }) {
  return (
    <div data-testid="issuer-summary" className="mb-3 space-y-2 text-sm text-slate-700 dark:text-slate-300">
      <p>
        Issuer recognised: <span className="font-semibold text-slate-900 dark:text-slate-100">{issuer.label}</span>. Its own claims are
        described from <Reference href={issuer.reference}>{issuer.documentation}</Reference>.
      </p>
      {issuer.notes.length > 0 && (
        <ul aria-label={`${issuer.name} notes`} className="list-disc space-y-1 pl-5">
          {issuer.notes.map((note) => (
            <li key={note.id}>
              <span className="font-medium text-slate-900 dark:text-slate-100">{note.title}.</span> {note.text}{' '}
              <Reference href={note.reference}>Documentation</Reference>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
