import { Fragment, lazy, Suspense, useEffect } from 'react'
import { EncodedTokenPanel } from '../features/encoded-token/encoded-token-panel'
import { DiagnosticsList } from '../features/diagnostics/diagnostics-list'
import { SecurityFindingsPanel } from '../features/security-findings/security-findings-panel'
import { JsonPanels } from '../features/header-payload/json-panels'
import { ClaimsTable } from '../features/claims/claims-table'
import { SignaturePanel } from '../features/signature/signature-panel'
import { PolicyPanel } from '../features/policy/policy-panel'
import { SigningPanel } from '../features/signing/signing-panel'
import { ShareButton } from '../features/share/share-button'
import { LinkNotices } from '../features/share/link-notices'
import { ExamplesMenu } from '../features/examples/examples-menu'
import { SettingsBar } from '../features/settings/settings-bar'
import { StorageNotice } from '../features/settings/storage-notice'
import { boot, loadFromLocation } from './boot'
import { useThemeClass } from './use-theme-class'
import { UpdatePrompt } from '../features/offline/update-prompt'
import { LiveCredentialBanner } from '../features/privacy/live-credential-banner'
import { ExplainButton } from '../features/explain/explain-button'
import { useAppStore } from '../store/app-store'
import { PresentationButton } from '../features/presentation/presentation-button'
import { usePresentationMode } from '../features/presentation/use-presentation-mode'
import { ToolTabs } from './tool-tabs'
import { toolTabs } from './tools'

// Loaded on demand: they pull in the cracker engine and the explain steps, which the first view
// does not need (keeps the first-paint JavaScript small).
const CrackerPanel = lazy(() => import('../features/cracker/cracker-panel').then((m) => ({ default: m.CrackerPanel })))
const ExplainPanel = lazy(() => import('../features/explain/explain-panel').then((m) => ({ default: m.ExplainPanel })))

// Before the first render, so the page never flashes an empty token before the linked or example one.
boot()

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

  return (
    <div className="min-h-screen bg-white text-slate-900 dark:bg-slate-950 dark:text-slate-100">
      <header className="flex flex-wrap items-center gap-3 border-b border-slate-200 px-4 py-2 dark:border-slate-800">
        <h1 className="text-xl font-semibold">JWT Lab</h1>
        <p hidden={presenting} className="text-sm text-slate-600 dark:text-slate-400">Everything runs in this tab; nothing is sent anywhere.</p>
        <div className="ml-auto flex flex-wrap items-center gap-3">
          <ExamplesMenu />
          <ExplainButton />
          <div hidden={presenting} className="contents">
            <ShareButton />
          </div>
          <PresentationButton />
          <div hidden={presenting} className="contents">
            <SettingsBar />
          </div>
        </div>
      </header>
      <Fragment key={inputsGeneration}>
        <StorageNotice />
        <LinkNotices />
        <LiveCredentialBanner />
        <main className="grid gap-4 p-4 lg:grid-cols-2">
          {explainOpen && (
            <Suspense fallback={null}>
              <ExplainPanel />
            </Suspense>
          )}
          <section aria-label="Encoded" className="flex min-w-0 flex-col gap-3">
            <EncodedTokenPanel />
            <DiagnosticsList />
            <SecurityFindingsPanel />
            <SignaturePanel />
            <div hidden={presenting}>
              <Suspense fallback={null}>
                <CrackerPanel />
              </Suspense>
            </div>
          </section>
          <section aria-label="Decoded" className="flex min-w-0 flex-col gap-3">
            <JsonPanels />
            <ClaimsTable />
          </section>
          <section aria-label="Policy and signing" hidden={presenting} className="grid min-w-0 gap-3 lg:col-span-2 lg:grid-cols-2">
            <PolicyPanel />
            <SigningPanel />
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
  )
}
