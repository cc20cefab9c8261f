import type { StateCreator } from 'zustand'
import type { JwsAlgorithm, KeyStoreEntry, Result, SecretEncoding, TokenCandidate, TokenExtraction, TokenOrigin } from '../core'

// The shape of the store, in one file that imports no slice: every slice file reads its interface
// (and the whole state) from here, so no slice and no store module import each other for types.

/** The encoded token text and what the extractor stripped from the last paste. */
export interface TokenSlice {
  /** The compact token exactly as shown in the `Encoded token` box (the single source of truth). */
  token: string
  /** Notes of what was removed around a pasted token (e.g. a `Bearer` prefix). */
  extractionNotes: readonly string[]
  /**
   * True when the header or payload was edited without a signing key: the token then carries the old
   * signature, which no longer matches.
   */
  signatureStale: boolean
  /**
   * The text of the built-in example last loaded (empty when none). The token's origin is
   * `example` only while the token is exactly that text: any edit, paste, signing or link makes it
   * the user's own token, whichever code path wrote it.
   */
  exampleToken: string
  /**
   * The verification key the last example brought (null when none). Pasting a token with other
   * claims drops it while it is still in the key box: it is the example's key, not the user's.
   */
  exampleVerificationKey: string | null
  setToken: (token: string, extractionNotes?: readonly string[]) => void
  /** Stores a token re-encoded from edited header/payload JSON; `stale` says the signature is the old one. */
  setEditedToken: (token: string, stale: boolean) => void
}

/** Verification and signing inputs. Secrets and private keys are persisted only with `rememberSecrets`. */
export interface KeysSlice {
  verificationKey: string
  secretEncoding: SecretEncoding
  /**
   * Whether the user chose `secretEncoding` themselves. Until they do, a key they type is read as
   * UTF-8 text, whatever encoding the last example or tool left behind.
   */
  secretEncodingPicked: boolean
  signingKey: string
  /** Encoding of an HMAC signing secret (generated secrets are base64url). */
  signingEncoding: SecretEncoding
  algorithm: JwsAlgorithm
  /**
   * Opt-in ("Remember tokens and secrets on this device"): keep live tokens, secrets and private keys
   * in this browser's storage. The name predates tokens being covered; it stays for stored state.
   */
  rememberSecrets: boolean
  /** Sets the verification key text; with `encoding`, how a secret in it reads, in the same update. */
  setVerificationKey: (text: string, encoding?: SecretEncoding) => void
  /** The user typed or pasted the key text: read it as UTF-8 unless they picked an encoding. */
  typeVerificationKey: (text: string) => void
  /** The user picked how a secret reads. */
  setSecretEncoding: (encoding: SecretEncoding) => void
  setSigningKey: (text: string) => void
  setSigningEncoding: (encoding: SecretEncoding) => void
  setAlgorithm: (alg: JwsAlgorithm) => void
  setRememberSecrets: (on: boolean) => void
}

/** What the verifier expects of the token (all optional; empty means "not checked"). */
export interface PolicySlice {
  expectedIssuer: string
  /** Comma-separated audiences. */
  expectedAudience: string
  clockSkewSeconds: number
  /** Comma-separated algorithm allowlist; empty allows any. */
  allowedAlgorithms: string
  /** ISO date-time overriding "now" for time checks; empty uses the real clock. */
  nowOverride: string
  setPolicy: (patch: Partial<Pick<PolicySlice, 'expectedIssuer' | 'expectedAudience' | 'clockSkewSeconds' | 'allowedAlgorithms' | 'nowOverride'>>) => void
}

/** Every colour theme the settings offer. */
export const THEMES = ['system', 'light', 'dark'] as const

/** A colour theme: the system's preference, or fixed light or dark. */
export type Theme = (typeof THEMES)[number]

/** View preferences and notices. */
export interface SettingsSlice {
  theme: Theme
  presentationMode: boolean
  /**
   * Header and Payload as plain text boxes: the code editor (Monaco, several MB and seconds of CPU)
   * is never loaded. For low-end devices and for screen readers that prefer a native text area.
   */
  plainEditors: boolean
  /** Shown once when stored state could not be restored. */
  storageNotice: string | null
  setTheme: (theme: Theme) => void
  setPresentationMode: (on: boolean) => void
  setPlainEditors: (on: boolean) => void
  setStorageNotice: (notice: string | null) => void
}

/** Progress in the practice verifier's challenges. Only ids are kept: never tokens, keys or secrets. */
export interface PracticeSlice {
  /** Ids of the solved practice challenges, in the order they were solved. */
  solvedChallenges: readonly string[]
  markChallengeSolved: (id: string) => void
  resetPracticeProgress: () => void
}

/** Which decoded part a highlighted member belongs to. */
export type HighlightSegment = 'header' | 'payload'

/** Characters of the encoded token to highlight: a UTF-16 range `[start, end)` of the token string. */
export interface TokenHighlight {
  readonly segment: HighlightSegment
  readonly start: number
  readonly end: number
  /** The token the offsets refer to; a highlight of an older token is not drawn. */
  readonly token: string
}

/** A top-level JSON member to highlight in the Header/Payload editors and the Claims table. */
export interface JsonHighlight {
  readonly segment: HighlightSegment
  /** Index of the member in source order (repeated names stay apart). */
  readonly index: number
  readonly name: string
  /** The token whose decoded part the index refers to. */
  readonly token: string
}

/**
 * Teaching mode state shared between views: what hovering one view highlights in the others, and
 * whether the Explain walkthrough is open. Never persisted: a highlight is a pointer position.
 */
export interface TeachingSlice {
  /** Set when a member is hovered (editor or Claims row): the token characters that encode it. */
  highlight: TokenHighlight | null
  /** Set when encoded characters are hovered: the member they decode to (and kept in sync with `highlight`). */
  jsonHighlight: JsonHighlight | null
  explainOpen: boolean
  /**
   * Highlights top-level member `index` of the current token's header or payload: the characters
   * that encode it and the member itself in the JSON views. An index the token does not have (or
   * `null`) clears the highlight.
   */
  highlightMember: (segment: HighlightSegment, index: number | null) => void
  /** Highlights the member whose encoding includes the token character at `offset`, or clears. */
  highlightAtTokenOffset: (offset: number | null) => void
  /** Clears both highlights (the pointer left a mapped view). */
  clearHighlight: () => void
  setExplainOpen: (open: boolean) => void
}

/** What a link (`#token=…&key=…`) brought, as the link reader hands it to the store. */
export interface OpenedLink {
  readonly token: string
  /** A key the link carried that is public key material (checked by parsing). */
  readonly key?: string
  /** Set when the link carried a key that was not used: says what was ignored and why. */
  readonly ignoredKey?: string
}

/** A message about the last link opened: `warning` when something was ignored, `info` otherwise. */
export interface LinkNotice {
  readonly severity: 'warning' | 'info'
  readonly text: string
}

/**
 * What links may change. A link loads its token; its key only when the key is public key material
 * and the box is empty. A different key already in the box stays until the user chooses.
 */
export interface LinkSlice {
  linkNotice: LinkNotice | null
  /** A public key from a link that differs from the current key, waiting for the user's choice. */
  linkKeyOffer: string | null
  openLink: (link: OpenedLink) => void
  /** Uses the offered key as the verification key. */
  acceptLinkKey: () => void
  /** Keeps the current verification key and drops the offer. */
  keepOwnKey: () => void
  dismissLinkNotice: () => void
}

/**
 * A token with the keys that go with it, as an example, a lesson or a tool hands it over. Fields
 * left out keep their current value.
 */
export interface SessionInputs {
  readonly token: string
  readonly verificationKey?: string
  readonly secretEncoding?: SecretEncoding
  readonly signingKey?: string
  readonly signingEncoding?: SecretEncoding
  readonly algorithm?: JwsAlgorithm
  /** `example` marks a built-in example (public demo data, which may be stored); default `user`. */
  readonly origin?: TokenOrigin
}

/** A signing key and the verification key that goes with it (for HMAC, the same secret twice). */
export interface KeyPairInputs {
  readonly signingKey: string
  readonly verificationKey: string
  /** How both boxes read a secret (generated HMAC secrets are base64url); left out keeps both encodings. */
  readonly encoding?: SecretEncoding
}

/** Changes that span the token and keys slices: one update each, so no view sees half of it. */
export interface SessionSlice {
  /**
   * Replaces the token and the given keys in one update. Always drops the extraction notes and the
   * stale-signature flag, which described the token being replaced.
   */
  loadSession: (inputs: SessionInputs) => void
  /** Puts a signing key and its verification key into the two boxes in one update. */
  setKeyPair: (pair: KeyPairInputs) => void
  /**
   * The tokens of the last paste when it held several (empty otherwise), kept so the user can pick
   * another until they paste something else or load a session. Never stored: they are live tokens.
   */
  pastedTokens: readonly TokenCandidate[]
  /** Stores a paste: its token and notes as `setToken` does, and its tokens when it held several. */
  storePaste: (extraction: TokenExtraction) => void
}

/** What is on this device: forgetting everything. */
export interface DeviceSlice {
  /**
   * Counts "Forget everything" runs. The app keys its views on it, so local state of every view
   * (drafts, crafted tokens, pasted proofs) is dropped along with the store's inputs.
   */
  inputsGeneration: number
  /**
   * Resets every field to its default (inputs, keys, policy, practice progress, settings) and
   * removes the stored entry. The reset is written first and the entry removed after, so the
   * persist middleware cannot write the old state back.
   */
  forgetEverything: () => void
}

/**
 * The outer layer of a nested JWT while its inner token is on the page: what stepping out restores.
 * Held in memory only: it carries the encrypted token and the key that decrypted it.
 */
export interface JweEnvelope {
  /** The encrypted token (compact or JSON serialization) the inner token came out of. */
  readonly token: string
  readonly decryptionKey: string
  readonly decryptionEncoding: SecretEncoding
}

/**
 * JWE inputs: the decryption key and the encryption choices. Never persisted and never put in a link,
 * whatever the opt-in says: a decryption key is a private key, a shared secret or a password.
 */
export interface DecryptionSlice {
  /** A private PEM/JWK/JWKS, a shared secret or a PBES2 password, as typed in `Decryption key`. */
  decryptionKey: string
  /** How a shared secret in `decryptionKey` turns into bytes. */
  decryptionEncoding: SecretEncoding
  /** Set while the inner token of a nested JWT is the token: the encrypted token to step back to. */
  envelope: JweEnvelope | null
  /** The recipient's public key, shared key or password, as typed in `Recipient key`. */
  recipientKey: string
  /** How a shared key in `recipientKey` turns into bytes. */
  recipientEncoding: SecretEncoding
  /** The key management algorithm (`alg`) and content encryption (`enc`) chosen for encrypting. */
  encryptionAlg: string
  encryptionEnc: string
  setDecryptionKey: (text: string) => void
  setDecryptionEncoding: (encoding: SecretEncoding) => void
  /**
   * Makes the inner token of a nested JWT the token, keeping the encrypted one (and its key) as the
   * envelope to step back to. The decryption key stays in its box.
   */
  openInnerToken: (inner: string) => void
  /** Puts the encrypted token and its decryption key back, and drops the envelope. */
  leaveEnvelope: () => void
  setRecipientKey: (text: string, encoding?: SecretEncoding) => void
  setRecipientEncoding: (encoding: SecretEncoding) => void
  setEncryptionChoice: (choice: { readonly alg?: string; readonly enc?: string }) => void
  /**
   * Makes an encrypted token the token (the current one was its plaintext); with `decryptionKey`,
   * the key that opens it goes into `Decryption key` in the same update.
   */
  takeEncryptedToken: (jwe: string, decryptionKey?: { readonly text: string; readonly encoding: SecretEncoding }) => void
}

/**
 * Named keys kept in the page. Public entries may be stored like a public verification key; private
 * keys and secrets only with `rememberSecrets`, and then only as `keyStoreSealed`, encrypted with a
 * passphrase the user typed. The passphrase is held in memory only, never in the state.
 */
export interface KeyStoreSlice {
  /** Every key of the store in this tab, public and private, in the order added. */
  keyEntries: readonly KeyStoreEntry[]
  /** The private entries sealed with the passphrase (a JSON envelope), or '' when none are remembered. */
  keyStoreSealed: string
  /** True while remembered private keys are sealed and not opened in this tab. */
  keyStoreLocked: boolean
  /** True while private keys are being remembered (sealed again on each change) in this tab. */
  keyStoreRemembering: boolean
  /** Adds entries; an entry whose key is already in the store replaces the older one. */
  addKeyEntries: (entries: readonly KeyStoreEntry[]) => void
  removeKeyEntry: (id: string) => void
  /** Puts the entry's public key (a secret: the secret) into `Verification key`. */
  useKeyToVerify: (id: string) => void
  /** Puts the entry's private key or secret into `Signing key`. */
  useKeyToSign: (id: string) => void
  /** Puts the entry's private key or secret into `Decryption key`. */
  useKeyToDecrypt: (id: string) => void
  /** Puts a JWKS of every public key of the store into `Verification key`. */
  verifyWithEveryKey: () => Promise<void>
  /**
   * Seals the private entries with `passphrase` and keeps them sealed from now on (needs
   * `rememberSecrets`). The passphrase stays in this tab's memory, to seal later changes.
   */
  rememberPrivateKeys: (passphrase: string) => Promise<Result<void>>
  /** Drops the private entries and the passphrase from memory; what is sealed stays sealed. */
  lockKeyStore: () => void
  /** Opens the sealed entries with `passphrase` and adds them to the store. */
  unlockKeyStore: (passphrase: string) => Promise<Result<void>>
  /**
   * Adds the keys a discovery fetched from `keyUrl` (a JWKS or a certificate chain) as `discovered`
   * entries, each named after its key and the URL's host. Returns the entries added.
   */
  addFetchedKeys: (keyText: string, keyUrl: string) => Promise<Result<readonly KeyStoreEntry[]>>
}

/**
 * Issuers whose key discovery the user allowed and asked to remember: for them `Fetch keys` fetches
 * at the first click instead of listing the URLs for a second one. Kept only when the user ticks
 * "Remember" (that tick is the opt-in); listed under Settings, each removable. Never a fetch on its
 * own: a press of `Fetch keys` is still needed.
 */
export interface DiscoverySlice {
  /** Issuer URLs as the token's `iss` names them, in the order allowed. */
  allowedIssuers: readonly string[]
  /** Remembers `issuer` (an https, or http loopback, URL); anything else is ignored. */
  allowIssuer: (issuer: string) => void
  forgetAllowedIssuer: (issuer: string) => void
}

/** The whole app state: one store made of slices. */
export type AppState = TokenSlice &
  KeysSlice &
  PolicySlice &
  SettingsSlice &
  PracticeSlice &
  TeachingSlice &
  LinkSlice &
  SessionSlice &
  DeviceSlice &
  DecryptionSlice &
  KeyStoreSlice &
  DiscoverySlice

/** How every slice is created: it may read and write the whole state (zustand's shared-slice pattern). */
export type SliceCreator<Slice> = StateCreator<AppState, [['zustand/persist', unknown]], [], Slice>
