/**
 * The run's branches (src/core/branch-tree.ts): acting in the past keeps the future as the branch
 * it was on and starts a new one. The "Branch" picker lists them as a tree (each under the one it
 * left) and switches at the tick on screen; the current one can be renamed or deleted (deleting
 * asks first, then shows the branch it left). BranchMarks marks on the timeline where branches
 * leave the one on screen.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent, KeyboardEvent } from 'react';
import { branchNameLengthMax } from '../../protocol/worker-protocol.ts';
import type { BranchListing, BranchSummary } from '../../protocol/worker-protocol.ts';
import { useMessages } from '../hooks/use-messages.ts';
import type { Messages } from '../i18n/catalogue.ts';
import { useAppStore } from '../store/store-context.tsx';
import { trackLeft } from '../viz/timeline-track.ts';
import './branches.css';
import './panels.css';

/** A branch's name as shown: the one given, or "Branch 2". */
export function branchName(m: Messages, branch: Pick<BranchSummary, 'id' | 'name'>): string {
  return branch.name ?? m.branches.defaultName(branch.id);
}

/** The branches in tree order: each one after its parent, children by id, with their depth. */
export function treeOrder(branches: readonly BranchSummary[]): { branch: BranchSummary; depth: number }[] {
  const ids = new Set(branches.map((branch) => branch.id));
  const children = new Map<number | null, BranchSummary[]>();
  for (const branch of branches) {
    // A parent the listing does not hold (never, from the worker) puts the branch at the top.
    const parent = branch.parent !== null && ids.has(branch.parent) ? branch.parent : null;
    children.set(parent, [...(children.get(parent) ?? []), branch]);
  }
  const out: { branch: BranchSummary; depth: number }[] = [];
  const visit = (parent: number | null, depth: number) => {
    for (const branch of (children.get(parent) ?? []).sort((a, b) => a.id - b.id)) {
      out.push({ branch, depth });
      visit(branch.id, depth + 1);
    }
  };
  visit(null, 0);
  return out;
}

/** The end of each branch: the one on screen reaches as far as its timeline. */
function endOf(listing: BranchListing, branch: BranchSummary, maxTick: number): number {
  return branch.id === listing.active ? maxTick : branch.end;
}

export function BranchesPanel() {
  const m = useMessages();
  const listing = useAppStore((state) => state.branches);
  const maxTick = useAppStore((state) => state.timeline.maxTick);
  const switchBranch = useAppStore((state) => state.switchBranch);
  // What is being edited, for the branch on screen then: a switch, a fork or a new run closes it.
  const [edit, setEdit] = useState<{ mode: 'rename' | 'delete'; branch: number; count: number } | null>(null);
  const id = useId();
  const byId = new Map(listing.branches.map((branch) => [branch.id, branch]));
  const active = byId.get(listing.active);
  if (active === undefined) return null;
  const editing = edit !== null && edit.branch === listing.active && edit.count === listing.branches.length ? edit.mode : null;
  const setEditing = (mode: 'rename' | 'delete' | null) => setEdit(mode === null ? null : { mode, branch: listing.active, count: listing.branches.length });
  const parentName = (branch: BranchSummary): string | null => {
    const parent = branch.parent === null ? undefined : byId.get(branch.parent);
    return parent === undefined ? null : branchName(m, parent);
  };
  return (
    <section className="app-slot" aria-label={m.branches.heading}>
      <div className="panel branches-panel">
        <h2>{m.branches.heading}</h2>
        <p className="muted branches-intro">{m.branches.intro}</p>
        <div className="form-row branch-picker">
          <label htmlFor={`${id}-picker`}>{m.branches.picker}</label>
          <select id={`${id}-picker`} value={listing.active} onChange={(event) => switchBranch(Number(event.currentTarget.value))}>
            {treeOrder(listing.branches).map(({ branch, depth }) => (
              <option key={branch.id} value={branch.id}>
                {/* The tree, drawn in the option's text (options take no markup). */}
                {`${'\u00a0\u00a0'.repeat(depth)}${depth > 0 ? '└\u00a0' : ''}${m.branches.option(branchName(m, branch), parentName(branch), branch.forkTick, endOf(listing, branch, maxTick))}`}
              </option>
            ))}
          </select>
        </div>
        <div className="branch-buttons">
          <button type="button" aria-expanded={editing === 'rename'} onClick={() => setEditing(editing === 'rename' ? null : 'rename')}>
            {m.branches.rename}
          </button>
          <button type="button" aria-expanded={editing === 'delete'} disabled={listing.branches.length < 2} onClick={() => setEditing(editing === 'delete' ? null : 'delete')}>
            {m.branches.delete}
          </button>
        </div>
        {editing === 'rename' ? <RenameForm key={active.id} branch={active} onDone={() => setEditing(null)} /> : null}
        {editing === 'delete' ? <DeleteQuestion branch={active} onDone={() => setEditing(null)} /> : null}
        <ForkNotice listing={listing} />
        <p className="muted branches-count">{listing.branches.length < 2 ? m.branches.onlyOne : m.branches.count(listing.branches.length, listing.limit)}</p>
      </div>
    </section>
  );
}

/** The current branch's name, edited in place; Escape cancels. */
function RenameForm({ branch, onDone }: { branch: BranchSummary; onDone: () => void }) {
  const m = useMessages();
  const renameBranch = useAppStore((state) => state.renameBranch);
  const [text, setText] = useState(branch.name ?? '');
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  useEffect(() => input.current?.focus(), []);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const name = text.trim();
    renameBranch(branch.id, name === '' ? null : name);
    onDone();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    onDone();
  };
  return (
    <form className="branch-form" aria-label={m.branches.rename} onSubmit={submit} onKeyDown={onKeyDown}>
      <div className="form-row">
        <label htmlFor={id}>{m.branches.nameLabel}</label>
        <input id={id} ref={input} type="text" maxLength={branchNameLengthMax} value={text} placeholder={m.branches.defaultName(branch.id)} onChange={(event) => setText(event.currentTarget.value)} />
      </div>
      <div className="branch-buttons">
        <button type="submit">{m.branches.save}</button>
        <button type="button" onClick={onDone}>
          {m.branches.cancel}
        </button>
      </div>
    </form>
  );
}

/** "Delete Branch 2?" with its answer buttons; the worker then shows the branch it left. */
function DeleteQuestion({ branch, onDone }: { branch: BranchSummary; onDone: () => void }) {
  const m = useMessages();
  const deleteBranch = useAppStore((state) => state.deleteBranch);
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => cancel.current?.focus(), []);
  return (
    <div className="branch-form" role="group" aria-label={m.branches.delete}>
      <p>{m.branches.deleteQuestion(branchName(m, branch))}</p>
      <div className="branch-buttons">
        <button
          type="button"
          className="danger"
          onClick={() => {
            deleteBranch(branch.id);
            onDone();
          }}
        >
          {m.branches.confirmDelete}
        </button>
        <button type="button" ref={cancel} onClick={onDone}>
          {m.branches.cancel}
        </button>
      </div>
    </div>
  );
}

/** Says, once, that an act in the past started a branch and the old one kept its future. */
function ForkNotice({ listing }: { listing: BranchListing }) {
  const m = useMessages();
  const forked = listing.forked;
  const from = forked === null ? undefined : listing.branches.find((branch) => branch.id === forked.from);
  const to = forked === null ? undefined : listing.branches.find((branch) => branch.id === forked.to);
  const shown = forked !== null && from !== undefined && to !== undefined && listing.active === forked.to;
  return (
    <p className="branch-forked" role="status">
      {shown ? m.branches.forked(branchName(m, to), forked.tick, branchName(m, from)) : ''}
    </p>
  );
}

/**
 * Where branches meet the one on screen, up to `maxTick`: where it left its parent (null for a
 * root, or past the end), and where its children leave it. The timeline's marks and the term
 * tape's draw these.
 */
export function branchForks(listing: BranchListing, maxTick: number): { own: { branch: BranchSummary; parent: BranchSummary } | null; children: BranchSummary[] } {
  const active = listing.branches.find((branch) => branch.id === listing.active);
  const parent = active === undefined ? undefined : listing.branches.find((branch) => branch.id === active.parent);
  const own = active !== undefined && parent !== undefined && active.forkTick <= maxTick ? { branch: active, parent } : null;
  return { own, children: listing.branches.filter((branch) => branch.parent === listing.active && branch.forkTick <= maxTick) };
}

/**
 * On the timeline's track: where the branch on screen left its parent, and where its children
 * leave it (a click switches to that child, at that tick). Out of the Tab order: the picker is
 * the keyboard's way.
 */
export function BranchMarks() {
  const m = useMessages();
  const listing = useAppStore((state) => state.branches);
  const maxTick = useAppStore((state) => state.timeline.maxTick);
  const seek = useAppStore((state) => state.seek);
  const switchBranch = useAppStore((state) => state.switchBranch);
  if (listing.branches.length < 2) return null;
  const { own, children } = branchForks(listing, maxTick);
  return (
    <span className="branch-marks">
      {own !== null ? (
        <button
          type="button"
          tabIndex={-1}
          className="branch-mark is-own"
          style={{ left: trackLeft(own.branch.forkTick, maxTick) }}
          aria-label={m.branches.markStarts(branchName(m, own.branch), branchName(m, own.parent), own.branch.forkTick)}
          title={m.branches.markStarts(branchName(m, own.branch), branchName(m, own.parent), own.branch.forkTick)}
          onClick={(event) => {
            event.preventDefault();
            seek(own.branch.forkTick);
          }}
        />
      ) : null}
      {children.map((child) => (
        <button
          key={child.id}
          type="button"
          tabIndex={-1}
          className="branch-mark"
          style={{ left: trackLeft(child.forkTick, maxTick) }}
          aria-label={m.branches.markLeaves(branchName(m, child), child.forkTick)}
          title={m.branches.markLeaves(branchName(m, child), child.forkTick)}
          onClick={(event) => {
            event.preventDefault();
            switchBranch(child.id, child.forkTick);
          }}
        />
      ))}
    </span>
  );
}
