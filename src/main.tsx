import { StrictMode, useEffect } from 'react'
import { createRoot, hydrateRoot } from 'react-dom/client'
import { App } from './app/app'
import { bootOutcome } from './app/boot'
import { openingStateText, PRERENDER_DATA_ID, settleOpeningView, type PrerenderData } from './app/opening-view'
import { holdClock, releaseClock } from './session/hydration-clock'
import { useAppStore } from './store/app-store'
import './index.css'

/** What the prerendered page was rendered from; null on the dev server or an unreadable block. */
function prerenderData(): PrerenderData | null {
  const text = document.getElementById(PRERENDER_DATA_ID)?.textContent
  if (!text) return null
  try {
    const data = JSON.parse(text) as Partial<PrerenderData>
    return typeof data.now === 'number' && typeof data.state === 'string' ? { now: data.now, state: data.state } : null
  } catch {
    return null
  }
}

/** Releases the prerender's clock once the hydration has committed. */
function Hydrated() {
  useEffect(releaseClock, [])
  return null
}

async function start(root: HTMLElement): Promise<void> {
  const data = prerenderData()
  // The page holds the first visit's view: it is hydrated only when this visit starts the same way
  // (no link, nothing stored that changes the view); otherwise it is replaced by this visit's view.
  if (data !== null && root.firstChild !== null && bootOutcome() === 'example' && openingStateText() === data.state) {
    await settleOpeningView()
    if (openingStateText() === data.state) {
      // Parts that hydrate once their code arrives must still find the prerendered state, even if the
      // user has changed something by then (they follow the change right after).
      useAppStore.freezeServerSnapshot()
      holdClock(data.now)
      hydrateRoot(root, <StrictMode><App /><Hydrated /></StrictMode>)
      return
    }
  }
  root.replaceChildren()
  createRoot(root).render(<StrictMode><App /></StrictMode>)
}

const root = document.getElementById('root')
if (root) void start(root)
