import { err, ok, type Result } from '../result'
import { decodeStandardBase64 } from './secret'

/** Error codes of {@link readPem}. */
export type PemErrorCode =
  | 'PEM_MISSING_END'
  | 'PEM_MISSING_BEGIN'
  | 'PEM_LABEL_MISMATCH'
  | 'PEM_UNKNOWN_LABEL'
  | 'PEM_ENCRYPTED'
  | 'PEM_BAD_BASE64'
  | 'PEM_NO_KEY'

/** One PEM block: its label and decoded DER body. */
export interface PemBlock {
  readonly label: string
  readonly der: Uint8Array
}

/** PEM labels the parser can use, in the words users see in messages. */
const KEY_LABELS: readonly string[] = ['PUBLIC KEY', 'PRIVATE KEY', 'RSA PUBLIC KEY', 'RSA PRIVATE KEY', 'EC PRIVATE KEY', 'CERTIFICATE']

/** Labels that carry nothing usable but may accompany a key (openssl ecparam -genkey writes one). */
const IGNORED_LABELS = new Set(['EC PARAMETERS'])

const ARMOR = /-----(BEGIN|END) ([^\r\n-]{0,80})-----/g

const DECRYPT_HINT = 'Decrypt it first, e.g. `openssl pkcs8 -in key.pem -out plain.pem` (or `openssl rsa`/`openssl ec -in key.pem -out plain.pem` for traditional keys), then paste plain.pem.'

/** Whether the text contains PEM armor (a BEGIN or END line). */
export function looksLikePem(text: string): boolean {
  return /-----(BEGIN|END) /.test(text)
}

/**
 * Finds the PEM blocks in the text and returns the first one holding a key or certificate, plus
 * how many such blocks there were. Text around the blocks (e.g. `openssl x509 -text` output) is
 * ignored. Armor problems, encryption and unknown labels are errors with a way out in the message.
 */
export function readPem(text: string): Result<{ block: PemBlock; count: number }, PemErrorCode> {
  const markers = [...text.matchAll(ARMOR)].map((m) => ({ kind: m[1] as 'BEGIN' | 'END', label: (m[2] as string).trim(), index: m.index, end: m.index + m[0].length }))
  const blocks: { label: string; body: string }[] = []
  for (let i = 0; i < markers.length; i++) {
    const begin = markers[i]!
    if (begin.kind === 'END') {
      return err('PEM_MISSING_BEGIN', `The PEM text has an "-----END ${begin.label}-----" line without a matching "-----BEGIN ${begin.label}-----" line before it. Copy the whole key, including both lines.`)
    }
    const end = markers[i + 1]
    if (end === undefined || end.kind === 'BEGIN') {
      return err('PEM_MISSING_END', `The PEM text has a "-----BEGIN ${begin.label}-----" line but no "-----END ${begin.label}-----" line after it. Copy the whole key, including the END line.`)
    }
    if (end.label !== begin.label) {
      return err('PEM_LABEL_MISMATCH', `The PEM block begins with "-----BEGIN ${begin.label}-----" but ends with "-----END ${end.label}-----". The two labels must be the same; the key was probably pasted from two different files.`)
    }
    blocks.push({ label: begin.label, body: text.slice(begin.end, end.index) })
    i++
  }
  const keyBlocks = blocks.filter((b) => !IGNORED_LABELS.has(b.label))
  const first = keyBlocks[0]
  if (first === undefined) {
    return err('PEM_NO_KEY', 'The PEM text holds only EC PARAMETERS, not a key. Paste the "-----BEGIN EC PRIVATE KEY-----" block (or a public key) as well.')
  }
  if (first.label === 'ENCRYPTED PRIVATE KEY' || /Proc-Type:\s*4\s*,\s*ENCRYPTED/i.test(first.body)) {
    return err('PEM_ENCRYPTED', `The private key is encrypted with a passphrase ("${first.label}"${first.label === 'ENCRYPTED PRIVATE KEY' ? '' : ' with Proc-Type: 4,ENCRYPTED'}), and this tool does not ask for passphrases. ${DECRYPT_HINT}`)
  }
  if (!KEY_LABELS.includes(first.label)) {
    return err('PEM_UNKNOWN_LABEL', unknownLabelMessage(first.label))
  }
  // Legacy RFC 1421 header lines ("Name: value") may precede the base64 body.
  const body = first.body.split(/\r?\n/).filter((line) => !line.includes(':')).join('')
  const der = decodeStandardBase64(body)
  if (der === undefined || der.length === 0) {
    return err('PEM_BAD_BASE64', `The body of the "${first.label}" PEM block is not valid base64. Copy the key again without changing its lines.`)
  }
  return ok({ block: { label: first.label, der }, count: keyBlocks.length })
}

function unknownLabelMessage(label: string): string {
  const supported = `Supported: ${KEY_LABELS.map((l) => `"${l}"`).join(', ')}.`
  if (label === 'OPENSSH PRIVATE KEY') {
    return `"OPENSSH PRIVATE KEY" is OpenSSH's own format, not a PEM key. Convert it with \`ssh-keygen -p -m PKCS8 -f key\` (it rewrites the file as "PRIVATE KEY"). ${supported}`
  }
  if (label === 'CERTIFICATE REQUEST' || label === 'NEW CERTIFICATE REQUEST') {
    return `"${label}" is a certificate signing request, not a key. Paste the certificate or the public key instead. ${supported}`
  }
  return `The PEM label "${label}" is not a key this tool understands. ${supported}`
}
