import type { SdJwtForm, SdJwtParts } from '../../core'
import { ValueList, type ListedValue } from '../../components/ui'

const FORM_TEXT: Readonly<Record<SdJwtForm, string>> = {
  'sd-jwt': 'SD-JWT (issuer-signed JWT and disclosures, no key binding JWT)',
  'sd-jwt+kb': 'SD-JWT+KB (issuer-signed JWT, disclosures and a key binding JWT)',
  json: 'JSON serialization (RFC 9901 §8)',
}

/** Which form the text has and which parts it carries, read before any digest is computed. */
export function SdJwtSummary({ parts }: { readonly parts: SdJwtParts }) {
  const n = parts.disclosures.length
  const values: ListedValue[] = [
    { label: 'Form', value: parts.form === 'json' ? `${FORM_TEXT.json}${parts.kbJwt !== null ? ', with a key binding JWT' : ', no key binding JWT'}` : FORM_TEXT[parts.form] },
    { label: 'Disclosures', value: `${n} presented` },
    { label: 'Key binding JWT', value: parts.kbJwt !== null ? `present (${parts.kbJwt.text.length.toLocaleString('en-US')} characters)` : 'none: the presentation is not bound to a holder key' },
  ]
  return <ValueList values={values} />
}
