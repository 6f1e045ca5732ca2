/**
 * Each browser tab's identity, the key of its autosave: kept in sessionStorage, which survives a
 * reload (and a crash) of the same tab but is not shared with other tabs, so a reload finds the
 * tab's own run and two tabs never write over each other's.
 *
 * One exception: a tab the browser duplicates starts with a copy of the original's
 * sessionStorage, so both would have one identity. Each tab therefore says "here" on a
 * BroadcastChannel when it starts; a tab that already holds that identity answers "taken", and
 * the newcomer takes a new one (it keeps the run it restored, as its own copy).
 */

const storageKey = 'raftlab.tabId';
/** The tab's marks for the permalinks it last wrote into its own address (see ownLinkMarks). */
const linkKey = 'raftlab.ownLinks';
/**
 * How many of the tab's latest links count as its own. More than one: the save on pagehide
 * rewrites the address, but a reload already under way goes to the address as it was before, so
 * a reloaded tab may show the link it wrote just before the last one.
 */
export const ownLinksKept = 3;
const channelName = 'raftlab.tabs';

/** The part of BroadcastChannel this module uses (tests pass a pair of linked fakes). */
export interface TabChannel {
  postMessage(message: TabMessage): void;
  addEventListener(type: 'message', listener: (event: { readonly data: unknown }) => void): void;
  close(): void;
}

export interface TabMessage {
  readonly kind: 'here' | 'taken';
  readonly id: string;
  /** This page load, so a tab never answers itself. */
  readonly instance: string;
}

export interface TabIdentityHost {
  readonly session: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null;
  readonly channel: TabChannel | null;
  readonly newId: () => string;
}

export interface TabIdentity {
  /** The identity now (it changes once if this tab turns out to be a duplicate). */
  readonly id: () => string;
  /** Remembers a short mark of a permalink this tab wrote into its address (null: it wrote none). */
  readonly rememberOwnLink: (mark: string | null) => void;
  /** The marks of the latest links this tab wrote before this page load, oldest first. */
  readonly ownLinkMarks: readonly string[];
  readonly dispose: () => void;
}

function read(session: TabIdentityHost['session'], key: string): string | null {
  try {
    return session?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function write(session: TabIdentityHost['session'], key: string, value: string): boolean {
  try {
    session?.setItem(key, value);
    return session !== null;
  } catch {
    return false;
  }
}

/** The tab's identity, or null where sessionStorage cannot keep one (the autosave is then off). */
export function claimTabIdentity(host: TabIdentityHost): TabIdentity | null {
  const stored = read(host.session, storageKey);
  let id = stored ?? host.newId();
  if (!write(host.session, storageKey, id)) return null;
  const instance = host.newId();
  const channel = host.channel;
  channel?.addEventListener('message', ({ data }) => {
    const message = data as Partial<TabMessage> | null;
    if (message?.id !== id || message.instance === instance) return;
    if (message.kind === 'here') channel.postMessage({ kind: 'taken', id, instance });
    else if (message.kind === 'taken') {
      id = host.newId();
      write(host.session, storageKey, id);
    }
  });
  channel?.postMessage({ kind: 'here', id, instance });
  const marks = (read(host.session, linkKey) ?? '').split(' ').filter((mark) => mark !== '');
  const ownLinkMarks = [...marks];
  return {
    id: () => id,
    ownLinkMarks,
    rememberOwnLink: (mark) => {
      if (mark === null || marks.at(-1) === mark) return;
      marks.push(mark);
      marks.splice(0, Math.max(0, marks.length - ownLinksKept));
      write(host.session, linkKey, marks.join(' '));
    },
    dispose: () => channel?.close(),
  };
}

/** The browser's sessionStorage and BroadcastChannel, where they exist. */
export function browserTabIdentityHost(): TabIdentityHost {
  let session: Storage | null = null;
  try {
    session = window.sessionStorage;
  } catch {
    // Blocked storage: no identity, so no autosave.
  }
  return {
    session,
    channel: typeof BroadcastChannel === 'function' ? (new BroadcastChannel(channelName)) : null,
    newId: randomId,
  };
}

/** 128 random bits as hex. Not crypto.randomUUID: a page served over plain http has none. */
function randomId(): string {
  return [...crypto.getRandomValues(new Uint8Array(16))].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}
