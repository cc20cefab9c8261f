// A local ESLint rule: every declaration a core module exports carries a TSDoc comment (`/** … */`)
// right before it. The core is the engine every surface programs against; its exports are its
// documentation. Re-exports (`export { x } from …`) are the rooms' faces and need none.

/** @type {import('eslint').Rule.RuleModule} */
export const requireTsdoc = {
  meta: {
    type: 'suggestion',
    docs: { description: 'require a TSDoc comment on every exported declaration' },
    schema: [],
    messages: { missing: 'Exported {{name}} needs a TSDoc comment (/** … */) saying what it is for.' },
  },
  create(context) {
    const source = context.sourceCode
    const documented = (node) =>
      source.getCommentsBefore(node).some((comment) => comment.type === 'Block' && comment.value.startsWith('*'))
    const nameOf = (declaration) => {
      if (declaration.id?.name) return `"${declaration.id.name}"`
      const first = declaration.declarations?.[0]?.id
      return first?.name ? `"${first.name}"` : 'declaration'
    }
    return {
      ExportNamedDeclaration(node) {
        if (node.declaration === null || node.declaration === undefined) return
        if (!documented(node)) context.report({ node, messageId: 'missing', data: { name: nameOf(node.declaration) } })
      },
    }
  },
}

/** The plugin object for eslint.config.js. */
export const localRules = { rules: { 'require-tsdoc': requireTsdoc } }
