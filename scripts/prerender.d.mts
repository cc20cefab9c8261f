/** The opening view's markup and what it was rendered from (see src/entry-prerender.tsx). */
export interface PrerenderedView {
  readonly html: string
  readonly data: { readonly now: number; readonly state: string }
  /** The id of the data block the client reads. */
  readonly dataId: string
}
/** Renders the opening view of the app under `root` in Node. */
export function renderOpeningView(root: string): Promise<PrerenderedView>
/** `html` with the view inside `<div id="root">` and its data in a JSON block with id `view.dataId`. */
export function injectOpeningView(html: string, view: PrerenderedView): string
