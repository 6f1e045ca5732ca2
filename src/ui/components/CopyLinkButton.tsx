/**
 * Copy link: copies the permalink of the run on screen (the same address the address bar shows
 * once it has caught up), and says so. A run too long for a link says so with its size and offers
 * Export instead; where the clipboard refuses, the link is shown selected, to copy by hand.
 */
import { useEffect, useRef, useState } from 'react';
import { useExportRun } from '../hooks/use-export-run.ts';
import { useMessages } from '../hooks/use-messages.ts';
import { copyText } from '../share/clipboard.ts';
import { addressForRun } from '../share/run-address.ts';
import { useAppStore } from '../store/store-context.tsx';
import { permalinkCharsMax } from '../../protocol/permalink.ts';
import './panels.css';

type CopyStatus = { readonly kind: 'copied'; readonly tick: number } | { readonly kind: 'by-hand'; readonly href: string } | { readonly kind: 'too-long'; readonly chars: number };

/** How long "Link copied" stays. */
const copiedNoticeMs = 5_000;

export function CopyLinkButton() {
  const m = useMessages();
  const exportRun = useAppStore((state) => state.exportRun);
  const [status, setStatus] = useState<CopyStatus | null>(null);

  useEffect(() => {
    if (status?.kind !== 'copied') return;
    const timer = setTimeout(() => setStatus(null), copiedNoticeMs);
    return () => clearTimeout(timer);
  }, [status]);

  const copy = async () => {
    const run = await exportRun();
    const { pathname, search, hash } = window.location;
    const address = await addressForRun(run, { pathname, search, hash });
    if (address.tooLongChars !== null) return setStatus({ kind: 'too-long', chars: address.tooLongChars });
    const href = new URL(address.href, window.location.href).href;
    setStatus((await copyText(href)) ? { kind: 'copied', tick: run.tick } : { kind: 'by-hand', href });
  };

  return (
    <>
      <button type="button" onClick={() => void copy()}>
        {m.share.copyLink}
      </button>
      {/* Always present, so screen readers announce what copying did. */}
      <span role="status" className={status?.kind === 'copied' ? 'share-notice outcome is-ok' : 'visually-hidden'}>
        {status?.kind === 'copied' ? m.share.copied(status.tick) : ''}
      </span>
      {status?.kind === 'too-long' ? <TooLong chars={status.chars} onClose={() => setStatus(null)} /> : null}
      {status?.kind === 'by-hand' ? <CopyByHand href={status.href} onClose={() => setStatus(null)} /> : null}
    </>
  );
}

function TooLong({ chars, onClose }: { readonly chars: number; readonly onClose: () => void }) {
  const m = useMessages();
  const exportAs = useExportRun();
  return (
    <div className="share-notice" role="alert">
      <span>{m.share.tooLong(chars, permalinkCharsMax)}</span>
      <button type="button" onClick={() => void exportAs('json').then(onClose)}>
        {m.share.exportInstead}
      </button>
      <button type="button" aria-label={m.share.dismissLinkNotice} onClick={onClose}>
        {m.runs.dismiss}
      </button>
    </div>
  );
}

function CopyByHand({ href, onClose }: { readonly href: string; readonly onClose: () => void }) {
  const m = useMessages();
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => field.current?.select(), []);
  return (
    <div className="share-notice">
      <span>{m.share.copyByHand}</span>
      <input ref={field} type="text" readOnly value={href} aria-label={m.share.linkField} onFocus={(event) => event.currentTarget.select()} />
      <button type="button" aria-label={m.share.dismissLinkNotice} onClick={onClose}>
        {m.runs.dismiss}
      </button>
    </div>
  );
}
