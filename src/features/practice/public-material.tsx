import { CopyableText } from '../../components/ui'

interface PublicValueProps {
  readonly label: string
  readonly value: string
  readonly rows: number
}

/** A value of the practice server that anyone may see (a public key, an issued token), read-only. */
export function PublicValue({ label, value, rows }: PublicValueProps) {
  return <CopyableText label={label} value={value} rows={rows} />
}

/** Heading of a part of the practice panel. */
export function PartHeading({ children }: { readonly children: string }) {
  return <h3 className="text-sm font-semibold">{children}</h3>
}
