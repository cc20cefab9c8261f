import { useId, useState, type DragEvent } from 'react'
import { formatBytes } from './format'

interface WordListPickerProps {
  readonly file: File | null
  readonly onFile: (file: File) => void
  readonly disabled: boolean
}

/**
 * A drop zone with a file input inside. Only the File handle is kept: the workers stream it in
 * slices, so a multi-gigabyte list never lands in memory.
 */
export function WordListPicker({ file, onFile, disabled }: WordListPickerProps) {
  const inputId = useId()
  const [dragging, setDragging] = useState(false)

  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault()
    setDragging(false)
    const dropped = e.dataTransfer.files[0]
    if (dropped && !disabled) onFile(dropped)
  }

  return (
    <div
      onDragOver={(e) => {
        e.preventDefault()
        e.dataTransfer.dropEffect = disabled ? 'none' : 'copy'
        setDragging(true)
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
      className={`flex flex-col gap-1 rounded border-2 border-dashed p-3 text-sm ${
        dragging
          ? 'border-sky-500 bg-sky-50 dark:border-sky-400 dark:bg-sky-950'
          : 'border-slate-300 dark:border-slate-600'
      }`}
    >
      <label htmlFor={inputId} className="font-medium">Word list file</label>
      <p className="text-xs text-slate-600 dark:text-slate-400">Drop a text file here or choose one: one candidate per line, any size; it is read in pieces and never leaves this tab.</p>
      <input
        id={inputId}
        type="file"
        accept=".txt,.lst,.dic,.list,text/plain"
        disabled={disabled}
        onChange={(e) => {
          const chosen = e.target.files?.[0]
          if (chosen) onFile(chosen)
        }}
        className="max-w-full text-xs file:mr-2 file:rounded file:border file:border-slate-300 file:bg-white file:px-2 file:py-1 file:text-sm dark:file:border-slate-600 dark:file:bg-slate-900 dark:file:text-slate-100"
      />
      {file && (
        <p className="text-xs break-all text-slate-700 dark:text-slate-300">
          Selected: {file.name} ({formatBytes(file.size)})
        </p>
      )}
    </div>
  )
}
