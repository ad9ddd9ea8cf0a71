import { useEffect, useState } from 'react';

export type ImageStatus = { status: 'loading' } | { status: 'loaded'; image: HTMLImageElement } | { status: 'error'; url: string };

/** Loads an attachment straight from its URL (the browser fetches it; the server never proxies images). */
export function useImage(url: string): ImageStatus {
  const [state, setState] = useState<ImageStatus>({ status: 'loading' });
  useEffect(() => {
    if (!url) {
      setState({ status: 'error', url });
      return;
    }
    let live = true;
    setState({ status: 'loading' });
    const img = new window.Image();
    img.onload = () => live && setState({ status: 'loaded', image: img });
    img.onerror = () => live && setState({ status: 'error', url });
    img.src = url;
    return () => {
      live = false;
    };
  }, [url]);
  return state;
}
