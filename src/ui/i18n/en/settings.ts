/** The settings area's messages: the settings forms and the address's parameters (English, the source catalogue). */

export const settings = {
  heading: 'Settings',
  /** The two forms of the settings panel: field labels, buttons and the question before a new run. */
  form: {
    network: 'Network settings',
    networkLegend: 'Network (applies live)',
    lossPercent: 'Message loss (%)',
    duplicatePercent: 'Duplication (%)',
    reorderPercent: 'Reorder (%)',
    latencyMin: 'Latency min (ticks)',
    latencyMax: 'Latency max (ticks)',
    applyNetwork: 'Apply network settings',
    run: 'New run settings',
    runLegend: 'Raft timing and cluster (starts a new run)',
    electionMin: 'Election timeout min (ticks)',
    electionMax: 'Election timeout max (ticks)',
    heartbeat: 'Heartbeat interval (ticks)',
    snapshotThreshold: 'Snapshot threshold (entries, 0 = never)',
    fastBackup: 'Fast backup (conflict hints on rejected appends)',
    /** The checkbox's name is the extension's own name; the hint says what it does. */
    batching: 'Batch proposals per heartbeat',
    preVote: 'PreVote',
    preVoteHint: 'A node whose timer fires first asks for pre-votes, and raises its term only if a majority would elect it (thesis §9.6).',
    checkQuorum: 'CheckQuorum',
    checkQuorumHint: 'A leader that hears from no majority within an election timeout steps down; a node that heard from its leader recently ignores RequestVote (thesis §6.2, §4.2.3).',
    leaseReads: 'Lease reads',
    /** `driftPercent`: the clock drift the lease allows for. */
    leaseReadsHint: (driftPercent: number) =>
      `A leader a majority confirmed recently answers gets without a round, until the minimum election timeout less ${driftPercent}% has passed; safe only while clocks drift apart by less than that (thesis §6.4.1). Without it, each get waits for a heartbeat round (ReadIndex, §6.4).`,
    nodes: (max: number) => `Nodes (1 to ${max})`,
    seed: 'Seed',
    restart: 'Restart with these settings',
    confirmNewRun: 'Confirm new run',
    confirmText: 'This discards the current run and its history. Start a new run with these settings?',
    discardAndRestart: 'Discard and restart',
    cancel: 'Cancel',
  },
  /** What the form says under a field it cannot take (settings-form.ts). */
  check: {
    wholeNumber: 'Enter a whole number.',
    number: 'Enter a number.',
    between: (min: number, max: number) => `Must be between ${min} and ${max}.`,
    minAboveMax: (max: number) => `Minimum must be at most the maximum (${max}).`,
    heartbeatTooLong: (electionMin: number) => `At or above the shortest election timeout (${electionMin}): followers will start elections even with a live leader.`,
  },
  /** The banner about the page address's parameters (url-options.ts); names and values are quoted as given. */
  address: {
    ignored: (problems: readonly string[]) => `Ignored in the address: ${problems.join('; ')}.`,
    note: (warnings: readonly string[]) => `Note: ${warnings.join('; ')}.`,
    unknown: (name: string) => `unknown parameter "${name}"`,
    repeated: (name: string, values: readonly string[]) => `${name} is given ${values.length} times (${values.map((value) => `"${value}"`).join(', ')}); give it once`,
    integer: (name: string, min: number, max: number, text: string) => `${name} must be an integer from ${min} to ${max}, in plain digits (got "${text}")`,
    ratio: (name: string, min: number, max: number, text: string) => `${name} must be a decimal number from ${min} to ${max}, like 0.25 (got "${text}")`,
    inverted: (minName: string, low: number, maxName: string, high: number) => `${minName}=${low} and ${maxName}=${high} (the minimum is above the maximum)`,
    aboveDefault: (name: string, value: number, other: string, otherDefault: number) => `${name}=${value} (above the default ${other}, ${otherDefault})`,
    belowDefault: (name: string, value: number, other: string, otherDefault: number) => `${name}=${value} (below the default ${other}, ${otherDefault})`,
    switchValue: (name: string, text: string) => `${name} must be 1 or 0 (got "${text}")`,
    panel: (text: string, known: readonly string[]) => `unknown panel "${text}" (panels are ${known.join(', ')})`,
    language: (text: string) => `lang "${text}" is not a language Raftlab speaks (en or zh-CN)`,
    heartbeatTooLong: (heartbeat: number, electionMin: number) =>
      `heartbeat ${heartbeat} is at or above the shortest election timeout (${electionMin}): followers will start elections even with a live leader`,
  },
};
