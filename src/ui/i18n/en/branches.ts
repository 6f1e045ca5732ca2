/**
 * The run's branches (English, the source catalogue): acting in the past keeps the future as a
 * branch, and the "Branches" panel switches between them, renames and deletes them.
 */
import { makeFormat } from '../format.ts';

const f = makeFormat('en');

export const branches = {
  heading: 'Branches',
  intro: 'Acting in the past keeps the run’s future: the action starts a new branch from that tick. Switch between branches at the tick on screen.',
  /** The combobox's name. */
  picker: 'Branch',
  /** A branch's name until it is given one. */
  defaultName: (id: number) => `Branch ${id}`,
  /** An option of the picker: the branch, where it left its parent, and how far it reaches. */
  option: (name: string, parent: string | null, forkTick: number, end: number) =>
    parent === null ? `${name} (ticks 0–${f.count(end)})` : `${name}: from ${parent} at tick ${f.count(forkTick)} (to tick ${f.count(end)})`,
  rename: 'Rename branch',
  nameLabel: 'Branch name',
  save: 'Save name',
  cancel: 'Cancel',
  delete: 'Delete branch',
  deleteQuestion: (name: string) => `Delete ${name}? Its ticks after it left its parent are lost.`,
  confirmDelete: 'Delete',
  onlyOne: 'This run has one branch: act in the past to start another.',
  /** Said when an act in the past started a branch. */
  forked: (to: string, tick: number, from: string) => `${to} starts at tick ${f.count(tick)}; ${from} keeps its ticks after it.`,
  count: (count: number, limit: number) => `${f.count(count)} of at most ${f.count(limit)} branches kept.`,
  /** The marks on the timeline where other branches leave the one on screen. */
  markLeaves: (name: string, tick: number) => `${name} leaves here, at tick ${f.count(tick)}: switch to it`,
  markStarts: (name: string, parent: string, tick: number) => `${name} left ${parent} here, at tick ${f.count(tick)}`,
};
