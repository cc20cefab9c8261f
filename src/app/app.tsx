import { EncodedTokenPanel } from '../features/encoded-token/encoded-token-panel'
import { DiagnosticsList } from '../features/diagnostics/diagnostics-list'
import { JsonPanels } from '../features/header-payload/json-panels'
import { ClaimsTable } from '../features/claims/claims-table'
import { SignaturePanel } from '../features/signature/signature-panel'
import { PolicyPanel } from '../features/policy/policy-panel'
import { SigningPanel } from '../features/signing/signing-panel'
import { ShareButton } from '../features/share/share-button'
import { ExamplesMenu } from '../features/examples/examples-menu'
import { SettingsBar } from '../features/settings/settings-bar'

/**
 * The debugger page: the encoded token on the left, what it decodes to on the right, keys, policy
 * and signing below. Features are independent; this file only arranges them.
 */
export function App() {
  return (
    <div className="min-h-screen bg-white text-slate-900 dark:bg-slate-950 dark:text-slate-100">
      <header className="flex flex-wrap items-center gap-3 border-b border-slate-200 px-4 py-2 dark:border-slate-800">
        <h1 className="text-xl font-semibold">JWT Lab</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">Everything runs in this tab; nothing is sent anywhere.</p>
        <div className="ml-auto flex flex-wrap items-center gap-2">
          <ExamplesMenu />
          <ShareButton />
          <SettingsBar />
        </div>
      </header>
      <main className="grid gap-4 p-4 lg:grid-cols-2">
        <section aria-label="Encoded" className="flex min-w-0 flex-col gap-3">
          <EncodedTokenPanel />
          <DiagnosticsList />
          <SignaturePanel />
        </section>
        <section aria-label="Decoded" className="flex min-w-0 flex-col gap-3">
          <JsonPanels />
          <ClaimsTable />
        </section>
        <section aria-label="Policy and signing" className="grid min-w-0 gap-3 lg:col-span-2 lg:grid-cols-2">
          <PolicyPanel />
          <SigningPanel />
        </section>
      </main>
    </div>
  )
}
