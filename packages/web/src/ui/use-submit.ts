import { useState, type FormEvent } from 'react';

/** A form's submit: busy while the action runs, and its error message when it fails. */
export function useSubmit(action: () => Promise<void>): { busy: boolean; error: string | undefined; onSubmit(e: FormEvent): Promise<void> } {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await action();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, onSubmit };
}
