/** The embedded view (?embed=1) (English, the source catalogue). */

export const embed = {
  /** The link to the full app, in a new tab, with the same options. */
  openFull: 'Open in Raftlab ↗',
  openFullHint: 'Open the full Raftlab, with this cluster, in a new tab',
};
