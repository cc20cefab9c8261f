import { Fragment, lazy, Suspense, useEffect } from 'react'
import { EncodedTokenPanel } from '../features/encoded-token/encoded-token-panel'
import { FindingsPanel } from '../features/findings/findings-panel'
import { JsonSerializationSlot } from '../features/json-serialization/json-serialization-slot'
import { JsonPanels } from '../features/header-payload/json-panels'
import { ClaimsTable } from '../features/claims/claims-table'
import { SignaturePanel } from '../features/signature/signature-panel'
import { DecryptionSlot } from '../features/decryption/decryption-slot'
import { EncryptDisclosure } from '../features/decryption/encrypt-disclosure'
import { EnvelopeBanner } from '../features/decryption/envelope-banner'
import { SdJwtSlot } from '../features/sd-jwt/sd-jwt-slot'
import { CertificateChainSlot } from '../features/certificates/certificate-chain-slot'
import { OidcHashesSlot } from '../features/oidc-hashes/oidc-hashes-slot'
import { IssueDisclosure } from '../features/sd-jwt/issue-disclosure'
import { PolicyPanel } from '../features/policy/policy-panel'
import { SigningPanel } from '../features/signing/signing-panel'
import { KeyStoreSlot } from '../features/key-store/key-store-slot'
import { ShareButton } from '../features/share/share-button'
import { LinkNotices } from '../features/share/link-notices'
import { ExamplesMenu } from '../features/examples/examples-menu'
import { SettingsMenu } from '../features/settings/settings-menu'
import { StorageNotice } from '../features/settings/storage-notice'
import { boot, loadFromLocation } from './boot'
import { useThemeClass } from './use-theme-class'
import { UpdatePrompt } from '../features/offline/update-prompt'
import { LiveCredentialBanner } from '../features/privacy/live-credential-banner'
import { ExplainButton } from '../features/explain/explain-button'
import { useAppStore } from '../store/app-store'
import { ShownTokenProvider, useShownToken } from '../session/shown-token'
import { prefetchVerdicts } from '../session/use-verification'
import { PresentationButton } from '../features/presentation/presentation-button'
import { usePresentationMode } from '../features/presentation/use-presentation-mode'
import { ToolTabs } from './tool-tabs'
import { toolTabs } from './tools'

// Loaded on demand: they pull in the cracker engine and the explain steps, which the first view
// does not need (keeps the first-paint JavaScript small).
const CrackerPanel = lazy(() => import('../features/cracker/cracker-panel').then((m) => ({ default: m.CrackerPanel })))
const ExplainPanel = lazy(() => import('../features/explain/explain-panel').then((m) => ({ default: m.ExplainPanel })))

// No content-visibility on sections below the first screen: it would save layout on each paste, but
// Firefox (and WebKit) leave skipped content out of the accessibility tree, so a screen reader could not
// reach the Tools tabs or the Signing panel until they were scrolled near.

// Before the first render, so the page never flashes an empty token before the linked or example one.
boot()
// From the input event on, so the render that shows a pasted token or key can show its verdict too.
if (typeof window !== 'undefined') prefetchVerdicts()

/**
 * The debugger page: the encoded token on the left, what it decodes to on the right, keys, policy
 * and signing below. Features are independent; this file only arranges them.
 */
export function App() {
  useThemeClass()
  // Presentation mode keeps the token and what it decodes to; tools and side panels are hidden, not unmounted.
  const presenting = usePresentationMode()
  const explainOpen = useAppStore((s) => s.explainOpen)
  // "Forget everything" bumps this: every view below remounts, dropping its local copies of inputs.
  const inputsGeneration = useAppStore((s) => s.inputsGeneration)
  useEffect(() => {
    const onHashChange = () => void loadFromLocation(window.location.hash)
    window.addEventListener('hashchange', onHashChange)
    return () => window.removeEventListener('hashchange', onHashChange)
  }, [])

  // Only the provider follows each keystroke; the views below render when what they show changes.
  return (
    <ShownTokenProvider>
      <div className="min-h-screen bg-white text-slate-900 dark:bg-slate-950 dark:text-slate-100">
        <header className="flex flex-wrap items-center gap-x-3 gap-y-2 border-b border-slate-200 px-4 py-2 dark:border-slate-800">
          {/* Takes the rest of the first row on a phone, so Settings stays beside the name. */}
          <div className="flex min-w-0 flex-1 flex-col lg:max-w-44 lg:flex-initial">
            <h1 className="text-xl leading-tight font-semibold">JWT Lab</h1>
            {/* The privacy promise stays in view at every width, in small type under the name. */}
            <p hidden={presenting} className="text-xs text-slate-600 dark:text-slate-400">Everything runs in this tab; nothing is sent anywhere.</p>
          </div>
          {/* On a phone Settings sits next to the title, so the toolbar below stays one or two rows. */}
          <div hidden={presenting} className="contents">
            <SettingsMenu />
          </div>
          <div className="flex w-full flex-wrap items-center gap-2 lg:ml-auto lg:w-auto">
            <ExamplesMenu />
            <ExplainButton />
            <div hidden={presenting} className="contents">
              <ShareButton />
            </div>
            {/* A projector view is for a laptop on a stage, not for a phone screen. */}
            <div className="hidden sm:contents">
              <PresentationButton />
            </div>
          </div>
        </header>
        <Fragment key={inputsGeneration}>
          <StorageNotice />
          <LinkNotices />
          <LiveCredentialBanner />
          <EnvelopeBanner />
          <main className="grid gap-4 p-4 lg:grid-cols-2">
            {explainOpen && (
              <Suspense fallback={null}>
                <ExplainPanel />
              </Suspense>
            )}
            <section aria-label="Encoded" className="flex min-w-0 flex-col gap-3">
              <EncodedTokenPanel />
              <SignaturePanel />
              {/* Only when the header, its jwk or the verification key has x5c; its code is fetched then. */}
              <CertificateChainSlot />
              {/* Only for an encrypted token (JWE); its code is fetched then. */}
              <DecryptionSlot />
              {/* Only for an SD-JWT (selective disclosure); its code is fetched then. */}
              <SdJwtSlot />
              {/* Only for a JSON-serialized JWS or a compact one with a detached payload. */}
              <JsonSerializationSlot />
              <FindingsPanel />
            </section>
            <section aria-label="Decoded" className="flex min-w-0 flex-col gap-3">
              <JsonPanels />
              <ClaimsTable />
              {/* Only for an ID token with at_hash, c_hash or s_hash; its code is fetched then. */}
              <OidcHashesSlot />
            </section>
            <section aria-label="Policy and signing" hidden={presenting} className="grid min-w-0 items-start gap-3 lg:col-span-2 lg:grid-cols-2">
              <PolicyPanel />
              <SigningPanel />
              <EncryptDisclosure />
              <IssueDisclosure />
              <KeyStoreSlot />
              <CrackerSlot />
            </section>
            {toolTabs.length > 0 && (
              <section aria-label="Tools" hidden={presenting} className="min-w-0 lg:col-span-2">
                <ToolTabs tabs={toolTabs} label="Tools" />
              </section>
            )}
          </main>
        </Fragment>
        <UpdatePrompt />
      </div>
    </ShownTokenProvider>
  )
}

/** The cracker applies to HMAC tokens only: other tokens do not get it at all. */
function CrackerSlot() {
  if (useShownToken().alg?.startsWith('HS') !== true) return null
  return (
    <div className="min-w-0 lg:col-span-2">
      <Suspense fallback={null}>
        <CrackerPanel />
      </Suspense>
    </div>
  )
}
