// The engine-vectors page: exposes the runner for the driver to call, and says when it is ready.
import { runInPageVectors } from '../in-page-vectors'

declare global {
  interface Window {
    runInPageVectors?: typeof runInPageVectors
  }
}

window.runInPageVectors = runInPageVectors
const state = document.getElementById('state')
if (state) state.textContent = 'ready'
