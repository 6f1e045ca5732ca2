/**
 * Colours that survive colour blindness and a washed-out projector. Terms cycle through the
 * Okabe-Ito palette (distinguishable under the common colour-vision deficiencies); roles never
 * rely on colour alone: every role also has a label (the catalogue's role names) and a shape (see NodeGlyph).
 */
import type { Role } from '../../core/index.ts';

/** Okabe-Ito, without black (kept for text), ordered so that neighbouring terms contrast. */
const termColors = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442'] as const;

/** Text colour readable on each term colour. */
const termTextColors = ['#ffffff', '#000000', '#ffffff', '#000000', '#000000', '#ffffff', '#000000'] as const;

/** The fill for entries and nodes of a term; term 0 (nothing yet) is neutral grey. */
export function termColor(term: number): string {
  if (term <= 0) return '#9e9e9e';
  return termColors[(term - 1) % termColors.length]!;
}

export function termTextColor(term: number): string {
  if (term <= 0) return '#000000';
  return termTextColors[(term - 1) % termTextColors.length]!;
}

/** Stroke widths make roles visible without colour: leaders bold, candidates dashed. */
export const roleStroke: Record<Role, { width: number; dash: string | undefined }> = {
  follower: { width: 2, dash: undefined },
  candidate: { width: 3, dash: '6 4' },
  leader: { width: 6, dash: undefined },
};

export const crashedFill = '#bdbdbd';

/** Message colours by kind: requests solid, replies lighter; rejections are marked by shape too. */
export const messageColor = {
  MsgVote: '#CC79A7',
  MsgVoteResp: '#CC79A7',
  MsgApp: '#0072B2',
  MsgAppResp: '#0072B2',
  MsgSnap: '#D55E00',
  MsgSnapResp: '#D55E00',
  // Vote colour: TimeoutNow starts an election; its triangle sets it apart from RequestVote.
  MsgTimeoutNow: '#CC79A7',
} as const;
