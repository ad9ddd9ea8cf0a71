/** What every non-image editor gets: the task, where to start from, and where to send its answer. */
export interface FormEditorProps {
  task: { type: string; params: Record<string, unknown>; instruction?: string | undefined };
  initial: unknown;
  editable: boolean;
  onChange(response: unknown): void;
}
