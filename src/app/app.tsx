/** Placeholder shell; the debugger page is composed here. */
export function App() {
  return (
    <main className="p-6">
      <h1 className="text-2xl font-semibold">JWT Lab</h1>
      <p>Everything runs in this tab; nothing is sent anywhere.</p>
    </main>
  )
}
