/** The TypeScript module holding the compiled WebAssembly `bytes` as base64. */
export function wasmModuleSource(bytes: Uint8Array): string
/** Where `npm run build:wasm` writes that module. */
export const wasmModulePath: string
