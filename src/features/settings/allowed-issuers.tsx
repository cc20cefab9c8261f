import { Button } from '../../components/ui'
import { useAppFields } from '../../store/app-store'

/**
 * The issuers whose key discovery the user allowed and asked to remember, each with a button that
 * forgets it (its next discovery lists the URLs and asks again). Nothing when the list is empty.
 */
export function AllowedIssuers() {
  const { allowedIssuers, forgetAllowedIssuer } = useAppFields('allowedIssuers', 'forgetAllowedIssuer')
  if (allowedIssuers.length === 0) return null
  return (
    <div className="flex max-w-[30rem] flex-col gap-1">
      <p className="font-medium">Allowed issuers</p>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        For these, <q>Fetch keys</q> requests the keys at its first press instead of asking again. Nothing is requested without that press.
      </p>
      <ul aria-label="Allowed issuers" className="flex flex-col gap-1">
        {allowedIssuers.map((issuer) => (
          <li key={issuer} className="flex flex-wrap items-center gap-2">
            <code className="text-xs [overflow-wrap:anywhere]">{issuer}</code>
            <Button size="xs" variant="quiet" aria-label={`Forget ${issuer}`} onClick={() => forgetAllowedIssuer(issuer)}>
              Forget
            </Button>
          </li>
        ))}
      </ul>
    </div>
  )
}
