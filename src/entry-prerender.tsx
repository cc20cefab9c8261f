// Build-time only (vite.config.ts runs it in Node after the client build): renders the opening view,
// the first visit with the example token decoded and verified, into the HTML the page is served with.
import { StrictMode } from 'react'
import { prerender } from 'react-dom/static'
import type { PrerenderData } from './app/opening-view'

/** An empty storage: the prerender is a first visit, with nothing stored. */
function memoryStorage(): Storage {
  const items = new Map<string, string>()
  return {
    get length() {
      return items.size
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, String(value)),
  }
}

/** Renders until nothing suspends; each pass lets one more level of on-demand code arrive. */
const MAX_PASSES = 5

/** The opening view's markup and what it was rendered from. */
export interface PrerenderedView {
  readonly html: string
  readonly data: PrerenderData
  /** The id of the data block the client reads. */
  readonly dataId: string
}

/**
 * Renders the app as a first visit sees it once its asynchronous work is done (React's own static
 * rendering, which also waits for the on-demand parts the view shows), with "now" held at the
 * moment of rendering.
 */
export async function prerenderOpeningView(): Promise<PrerenderedView> {
  Object.defineProperty(globalThis, 'localStorage', { value: memoryStorage(), configurable: true })
  // After the storage exists: the store reads it when its module is evaluated.
  const [{ App }, { holdClock }, { openingStateText, settleOpeningView, PRERENDER_DATA_ID }] = await Promise.all([
    import('./app/app'),
    import('./session/hydration-clock'),
    import('./app/opening-view'),
  ])
  await settleOpeningView()
  const now = Math.floor(Date.now() / 1000)
  holdClock(now)
  // A part whose code loads on demand (React lazy) suspends the first time it renders, and React then
  // streams it in with an inline script, which the page's CSP forbids. Each pass loads more of that
  // code; the view is complete once a pass suspends nowhere.
  for (let pass = 1; pass <= MAX_PASSES; pass++) {
    // One chunk however long the page: React would otherwise move large parts out of place, to be
    // put back by an inline script.
    const { prelude } = await prerender(<StrictMode><App /></StrictMode>, { progressiveChunkSize: Number.POSITIVE_INFINITY })
    const html = await new Response(prelude).text()
    if (!html.includes('<script')) return { html, data: { now, state: openingStateText() }, dataId: PRERENDER_DATA_ID }
  }
  throw new Error(`prerender: the opening view still waits for code after ${MAX_PASSES} passes`)
}
