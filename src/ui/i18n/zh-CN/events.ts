/**
 * 事件日志及其解释（简体中文）。
 *
 * 解释句省略主语（日志的每一行已写明节点），读作节点之后的谓语：“在任期 4 拒绝投票给节点 3：……”。
 * RPC 名称、Figure 2 的字段名和 tick 保持英文，章节号写作（§5.4.1）。
 */
import type { Messages } from '../messages.ts';

type Events = Messages['events'];
type Explain = Events['explain'];

const logPosition = (lastTerm: number, lastIndex: number): string => `最后条目任期 ${lastTerm}，索引 ${lastIndex}`;
const refusedVote = (candidate: number, term: number): string => `在任期 ${term} 拒绝投票给节点 ${candidate}`;
const rejectedAppend = (leader: number): string => `拒绝了节点 ${leader} 的 AppendEntries`;
const backedOff = (p: Parameters<Explain['nextIndexBackedOff']['oneStep']>[0]): string =>
  `在节点 ${p.follower} 拒绝 prevLogIndex ${p.rejectedIndex} 后，把它的 nextIndex 从 ${p.from} 回退到 ${p.to}`;
const commitMoved = (from: number, to: number): string => `commitIndex 从 ${from} 推进到 ${to}`;
const matched = (p: Parameters<Explain['appendAccepted']['heartbeat']>[0]): string =>
  `日志在索引 ${p.prevLogIndex}（任期 ${p.prevLogTerm}）处匹配；与领导者一致到索引 ${p.matchIndex}（§5.3）`;
const tally = (p: Parameters<Explain['voteReceived']['granted']>[0]): string => `${p.grantedCount} 票同意，${p.refusedCount} 票拒绝，需要 ${p.quorum} 票`;

export const events: Events = {
  panel: '事件',
  compare: {
    with: '对比条件',
    changes: { 'fast-backup': '切换快速回退', 'election-timeout': '选举超时加倍', seed: '下一个种子', 'pre-vote': '切换预投票（PreVote）', 'check-quorum': '切换 CheckQuorum', batching: '切换批量发送', pipelining: '切换流水线（每个跟随者 1 个或 16 个在途追加）' },
    compare: '对比',
    hint: '改变一项设置重新运行，找出两次运行的事件第一次不同的地方',
    running: '正在对比…',
    same: (change, until) => `${change}后，直到 tick ${until} 运行完全相同`,
    diverge: (change, tick) => `${change}后，两次运行在 tick ${tick} 第一次出现不同。`,
    goTo: (tick) => `转到 tick ${tick}`,
    thisRun: (what) => `这次运行：${what}`,
    otherRun: (what) => `另一次：${what}`,
    nothing: '没有更多事件',
    cluster: '集群',
    sideBySide: (tick) => `并排查看 tick ${tick}`,
    sideBySideHint: '显示两次运行在屏幕上的 tick 处每个节点的状态',
    tableCaption: (change, tick) => `两次运行在 tick ${tick} 的状态：本次运行与${change}后的运行`,
    node: '节点',
    here: '本次运行',
    there: (change) => `${change}后`,
    crashed: (term) => `已崩溃（磁盘上的任期为 ${term}）`,
    brief: (role, term, commit, lastIndex) => `${role}，任期 ${term}，提交 ${commit}/${lastIndex}`,
    differs: '不同',
    sameState: '相同',
  },
  jump: {
    label: '跳到',
    kinds: { election: '选举', leader: '领导者变更', commit: '提交', term: '任期变更', message: '消息' },
    messageType: '消息类型',
    anyMessage: '任意消息',
    back: '跳到上一次',
    ahead: '跳到下一次',
    backHint: '回到屏幕上这个 tick 之前最后一次发生的时刻（限下方选中的节点）',
    aheadHint: '运行到下一次发生的时刻（限下方选中的节点）',
    landed: (tick) => `位于 tick ${tick}`,
    noneBack: (what, node) => `之前没有${what}${node === null ? '' : `（节点 ${node}）`}`,
    noneAhead: (what, node) => `接下来没有${what}${node === null ? '' : `（节点 ${node}）`}`,
  },
  log: {
    label: '事件日志',
    heading: '事件',
    list: '事件',
    showingLast: (shown, matching) => `显示 ${matching} 个匹配事件中的最后 ${shown} 个`,
    matching: (count) => `${count} 个事件`,
    jumpToNewest: '跳到最新',
    seek: (tick) => `跳转到 tick ${tick}`,
    cluster: '网络',
  },
  filters: {
    topics: '主题',
    allTopics: '全部',
    node: '节点',
    allNodes: '所有节点',
    rpcs: '消息类型',
    allRpcs: '全部类型',
  },
  topics: {
    VOTE: '投票',
    LEAD: '领导权',
    TERM: '任期',
    TIMR: '计时器',
    LOG: '日志变化',
    CMIT: '提交',
    APPL: '已应用的条目',
    PERS: '持久化',
    SEND: '发出的消息',
    RECV: '收到的消息',
    DROP: '丢失的消息',
    SNAP: '快照',
    CLNT: '客户端请求',
    FAULT: '故障',
  },
  rpc: {
    MsgVote: 'RequestVote',
    MsgVoteResp: 'RequestVote 回复',
    MsgApp: 'AppendEntries',
    MsgAppResp: 'AppendEntries 回复',
    MsgSnap: 'InstallSnapshot',
    MsgSnapResp: 'InstallSnapshot 回复',
    MsgTimeoutNow: 'TimeoutNow',
  },
  progressState: { probe: '探测', replicate: '复制', snapshot: '快照' },
  rpcArguments: {
    vote: (p) => `lastLogIndex ${p.lastLogIndex}，lastLogTerm ${p.lastLogTerm}`,
    voteGranted: '同意投票',
    voteRefused: '拒绝投票',
    append: (p, carried) => `prevLogIndex ${p.prevLogIndex}，prevLogTerm ${p.prevLogTerm}，${carried}，leaderCommit ${p.leaderCommit}`,
    noEntries: '无条目（心跳）',
    appendSucceeded: (matchIndex) => `成功，matchIndex 为 ${matchIndex}`,
    appendRejected: (rejectedIndex, hint) => `拒绝了 prevLogIndex ${rejectedIndex}${hint}`,
    snapshot: (index, term, keys) => `截至索引 ${index}（任期 ${term}）的快照，${keys} 个键`,
    snapshotReply: (matchIndex) => `matchIndex 为 ${matchIndex}`,
    timeoutNow: '立即参选（领导权转移）',
  },
  explain: {
    termChanged: {
      election: (p) => `进入任期 ${p.to}（之前为 ${p.from}），准备参加选举`,
      message: (p) => `进入任期 ${p.to}（之前为 ${p.from}）：收到的消息带有更高的任期（§5.1）`,
      messageFrom: (p, sender) => `进入任期 ${p.to}（之前为 ${p.from}）：节点 ${sender} 发来的消息带有更高的任期（§5.1）`,
    },
    electionTimeout: (p) => `已经 ${p.elapsed} 个 tick 没有收到领导者的消息，选举计时器到期（选举超时为 ${p.timeout}）：发起选举（§5.2）`,
    heartbeatTimeout: (p) => `${p.elapsed} 个 tick 的心跳间隔已到：向每个跟随者发送 AppendEntries`,
    preVote: {
      started: (p) => `向其他节点请求任期 ${p.term} 的预投票，在多数派同意之前保持自己的任期和投票不变（PreVote，§9.6）；下一次选举超时为 ${p.electionTimeout} 个 tick`,
      granted: (p) => `同意节点 ${p.candidate} 在任期 ${p.term} 的预投票：它有可能当选；自己的状态不变（PreVote）`,
      refused: (p, reason) => `拒绝了节点 ${p.candidate} 在任期 ${p.term} 的预投票：${reason}（PreVote）`,
      receivedGranted: (p) => `获得节点 ${p.voter} 对任期 ${p.term} 的预投票（${tally(p)}）`,
      receivedRefused: (p) => `被节点 ${p.voter} 拒绝了任期 ${p.term} 的预投票（${tally(p)}）`,
      lost: (p, refusers) => `不参选任期 ${p.term}：被${refusers} 拒绝预投票，得不到多数派所需的 ${p.quorum} 票；任期保持不变（PreVote）`,
    },
    becameCandidate: (p) => `在任期 ${p.term} 成为候选人，先投票给自己，再向其他节点请求选票；下一次选举超时为 ${p.electionTimeout} 个 tick（§5.2）`,
    becameLeader: (p, voters) => `赢得任期 ${p.term} 的选举，获得了${voters} 的选票，达到多数派；其日志末尾索引为 ${p.lastIndex}（§5.2）`,
    becameFollower: {
      higherTerm: (term, leader) => `以跟随者身份进入任期 ${term}：发现了更高的任期（§5.1；${leader}）`,
      steppedDown: (term, role, leader) => `在任期 ${term} 从${role}退为跟随者：发现了更高的任期（§5.1；${leader}）`,
      leaderFound: (term, leader) => `在任期 ${term} 放弃竞选：节点 ${leader} 已赢得选举（§5.2）`,
      checkQuorum: (term, heard) => `卸任任期 ${term} 的领导者：在上一个选举超时内只收到${heard} 的消息，不是多数派（CheckQuorum）`,
      removed: (term) => `卸任任期 ${term} 的领导者：移除它的配置已提交，它离开集群（论文 §4.2.2）`,
      leaderKnown: (leader) => `领导者是节点 ${leader}`,
      leaderUnknown: '尚不知道谁是领导者',
    },
    voteGranted: (p) =>
      `在任期 ${p.term} 投票给节点 ${p.candidate}：候选人的日志（${logPosition(p.candidateLastTerm, p.candidateLastIndex)}）至少和自己的（${logPosition(p.ownLastTerm, p.ownLastIndex)}）一样新（§5.4.1）`,
    voteGrantedUnchecked: (p) =>
      `在任期 ${p.term} 未做“足够新”检查就投票给节点 ${p.candidate}：候选人的日志（${logPosition(p.candidateLastTerm, p.candidateLastIndex)}）落后于自己的（${logPosition(p.ownLastTerm, p.ownLastIndex)}）；不安全开关去掉了 §5.4.1`,
    voteRefused: {
      staleTerm: (p) => `${refusedVote(p.candidate, p.term)}：该任期早于自己的当前任期 ${p.ownTerm}（§5.1）`,
      alreadyVoted: (p, votedFor) => `${refusedVote(p.candidate, p.term)}：本任期已投票给节点 ${votedFor}（每个任期只投一票，§5.2）`,
      leaderKnown: (p) => `忽略了节点 ${p.candidate} 在任期 ${p.term} 的 RequestVote：它在最小选举超时内收到过领导者的消息（领导者粘性，CheckQuorum）`,
      justStarted: (p) => `忽略了节点 ${p.candidate} 在任期 ${p.term} 的 RequestVote：它启动还不到最小选举超时，某个领导者的租约可能仍然有效（租约读，§6.4.1）`,
      logNotUpToDate: (p) =>
        `${refusedVote(p.candidate, p.term)}：候选人的日志（${logPosition(p.candidateLastTerm, p.candidateLastIndex)}）落后于自己的（${logPosition(p.ownLastTerm, p.ownLastIndex)}）（§5.4.1）`,
    },
    voteReceived: {
      granted: (p) => `在任期 ${p.term} 获得节点 ${p.voter} 的选票（${tally(p)}）`,
      refused: (p) => `在任期 ${p.term} 被节点 ${p.voter} 拒绝投票（${tally(p)}）`,
    },
    electionLost: (p, refusers) => `输掉任期 ${p.term} 的选举：被${refusers} 拒绝，已不可能获得多数派所需的 ${p.quorum} 票；等待选举计时器到期后重试（§5.2）`,
    entriesAppended: {
      proposal: (range) => `作为领导者把${range} 追加到自己的日志`,
      proposalOne: (range, command) => `作为领导者把${range}（${command}）追加到自己的日志`,
      fromLeader: (range, prevTerm) => `追加了领导者发来的${range}，接在任期 ${prevTerm} 的条目之后`,
    },
    entriesTruncated: (p, range) =>
      `删除了${range}：自己在索引 ${p.conflictIndex} 处的条目任期为 ${p.ownTerm}，而领导者节点 ${p.leader} 在此处的任期为 ${p.leaderTerm}，所以删除该条目及其后的全部条目（§5.3）`,
    appendAccepted: {
      heartbeat: (p) => `接受了节点 ${p.leader} 的心跳：${matched(p)}`,
      entries: (p, entries) => `接受了节点 ${p.leader} 的 AppendEntries（${entries} 个条目）：${matched(p)}`,
      unchecked: (p, ownTermAtPrev) =>
        `未做一致性检查就接受了节点 ${p.leader} 的 AppendEntries：领导者在索引 ${p.prevLogIndex} 的条目任期为 ${p.prevLogTerm}，自己的为 ${ownTermAtPrev}；不安全开关去掉了 §5.3 的检查`,
    },
    hint: {
      logTooShort: (conflictIndex) => `；提示：日志太短，从索引 ${conflictIndex} 重试`,
      conflictingTerm: (conflictTerm, conflictIndex) => `；提示：冲突任期 ${conflictTerm} 从索引 ${conflictIndex} 开始`,
    },
    appendRejected: {
      staleTerm: (p) => `${rejectedAppend(p.leader)}：对方的任期 ${p.term} 早于自己的任期 ${p.ownTerm}（§5.1）`,
      logTooShort: (p, hint) => `${rejectedAppend(p.leader)}：prevLogIndex ${p.prevLogIndex} 处没有条目，自己的日志只到索引 ${p.ownLastIndex}（§5.3）${hint}`,
      prevTermMismatch: (p, ownTerm, hint) => `${rejectedAppend(p.leader)}：自己在 prevLogIndex ${p.prevLogIndex} 处的条目任期为 ${ownTerm}，而不是 ${p.prevLogTerm}（§5.3）${hint}`,
    },
    nextIndexBackedOff: {
      oneStep: (p) => `${backedOff(p)}（每次回退一步，§5.3）`,
      fastBackup: (p, hint) => `${backedOff(p)}（快速回退${hint}；§5.3）`,
    },
    progressUpdated: (p, state) => `得知节点 ${p.follower} 已与自己一致到索引 ${p.matchIndex}（matchIndex）；nextIndex 为 ${p.nextIndex}，处于${state}模式`,
    commitAdvanced: {
      quorum: (p) => `${commitMoved(p.from, p.to)}：多数派已存储索引 ${p.to}，且它是当前任期 ${p.term} 的条目（§5.3、§5.4.2）`,
      counting: (p, entryTerm) => `靠计数副本，${commitMoved(p.from, p.to)}：多数派已存储索引 ${p.to}，但它属于任期 ${entryTerm}，不是当前任期 ${p.term}；不安全开关去掉了 §5.4.2`,
      leaderCommit: (p, leaderCommit, lastNewIndex) =>
        `${commitMoved(p.from, p.to)}：领导者的 leaderCommit 为 ${leaderCommit}，自己最后一个新条目的索引为 ${lastNewIndex}（取两者中较小的）`,
      snapshot: (p) => `通过安装领导者的快照，${commitMoved(p.from, p.to)}（§7）`,
    },
    commitHeldBack: (p) => `没有提交索引 ${p.quorumIndex}：该条目属于任期 ${p.entryTerm}，不是当前任期 ${p.currentTerm}（§5.4.2）；commitIndex 仍为 ${p.committed}`,
    snapshotSent: (p) => `向节点 ${p.follower} 发送了截至索引 ${p.index}（任期 ${p.term}）的快照：它需要索引 ${p.nextIndex}，但自己的日志现在从 ${p.firstIndex} 开始（§7）`,
    snapshotInstalled: (p) => `安装了节点 ${p.leader} 截至索引 ${p.index}（任期 ${p.term}）的快照；保留了之后的 ${p.keptEntries} 个条目，丢弃了 ${p.discardedEntries} 个`,
    snapshotIgnored: (p) => `忽略了节点 ${p.leader} 截至索引 ${p.index} 的快照：自己已提交到索引 ${p.committed}（§7）`,
    proposalAccepted: (p, command) => `接受了客户端请求“${command}”，作为任期 ${p.term} 的条目 ${p.index}`,
    proposalRefused: {
      refused: (command, role, leader) => `拒绝了客户端请求“${command}”：自己是${role}，不是领导者（${leader}；§8）`,
      tryNode: (leader) => `请改发给节点 ${leader}`,
      noLeader: '不知道谁是领导者',
      transferring: (command, target) => `拒绝了客户端请求“${command}”：正在把领导权交给节点 ${target}，其间不接受提案（请改发给节点 ${target}；§3.10）`,
    },
    transfer: {
      started: (p) =>
        p.targetMatch === p.lastIndex
          ? `开始把领导权交给节点 ${p.target}，它的日志已经包含截至索引 ${p.lastIndex} 的全部条目；停止接受提案（§3.10）`
          : `开始把领导权交给节点 ${p.target}：停止接受提案，先把它的日志从索引 ${p.targetMatch} 补到 ${p.lastIndex}（§3.10）`,
      notLeader: (p, role, lead) => `无法把领导权交给节点 ${p.target}：自己是${role}，不是领导者${lead === null ? '' : `（领导者是节点 ${lead}）`}`,
      self: (p) => `无法把领导权交给节点 ${p.target}：它已经是领导者`,
      notAPeer: (p) => `无法把领导权交给节点 ${p.target}：它不是集群成员`,
      timedOut: (p) => `放弃把领导权交给节点 ${p.target}：过了 ${p.elapsed} 个 tick 它仍未接任；重新接受提案`,
      superseded: (p) => `不再把领导权交给节点 ${p.target}：改为交给另一个节点`,
      timeoutNowSent: (p) => `向节点 ${p.target} 发送 TimeoutNow：它的日志与自己一致到索引 ${p.matchIndex}，即整个日志，所以它能当选（§3.10）`,
      timeoutNowReceived: (p) => `收到任期 ${p.term} 的领导者节点 ${p.leader} 发来的 TimeoutNow：立即参选，不等计时器，也不请求预投票（§3.10）`,
    },
    config: {
      changed: (p, voters, learners) =>
        `${p.cause === 'appended' ? '立即使用索引' : p.cause === 'truncated' ? '退回到索引' : '采用快照中的配置，来自索引'} ${p.index} 的配置，不论是否已提交：投票者为${voters}，学习者为${learners}（论文 §4.1）`,
      proposed: (p) =>
        `追加了配置条目 ${p.index}：${p.change === 'add' ? `节点 ${p.target} 以学习者身份加入，接收日志但暂不投票` : p.change === 'promote' ? `学习者 ${p.target} 已追上，成为投票者` : `移除节点 ${p.target}`}（一次一个变更，论文 §4.1）`,
      refused: (p) =>
        `拒绝了对节点 ${p.target} 的变更：${p.reason === 'not-leader' ? '只有领导者能修改配置' : p.reason === 'transferring' ? '它正在移交领导权' : p.reason === 'pending' ? `配置条目 ${p.pendingIndex ?? '?'} 尚未提交（一次一个变更）` : p.reason === 'no-commit-in-term' ? '它还没有提交本任期的条目' : p.reason === 'already-member' ? '该节点已是成员' : p.reason === 'not-a-learner' ? '该节点不是学习者' : p.reason === 'last-voter' ? '该节点是最后一个投票者' : '该节点不是成员'}`,
    },
    read: {
      refused: (p, role, leader) => `拒绝了读请求 ${p.id}：自己是${role}，不是领导者（${leader}）`,
      awaitingCommit: (p) => `暂缓读请求 ${p.id}，直到提交一个本任期的条目：它的 commitIndex ${p.committed} 可能落后于以前的领导者已提交的内容（§6.4）`,
      roundStarted: (p) => `以读索引 ${p.readIndex}（它的 commitIndex）接下读请求 ${p.id}，并发出第 ${p.round} 轮心跳，确认自己仍是领导者（ReadIndex，§6.4）`,
      confirmed: (p, acks) => `第 ${p.round} 轮得到多数派确认（${acks}）：不可能有别的领导者，读请求 ${p.id} 在应用到索引 ${p.readIndex} 后作答`,
      byLease: (p) => `凭租约直接以读索引 ${p.readIndex} 回答读请求 ${p.id}，无需新一轮：多数派刚确认过它，租约还剩 ${p.leaseRemaining} 个 tick（§6.4.1）`,
      aborted: (ids) => `在确认读请求 ${ids.join('、')} 之前下台：${ids.length === 1 ? '它' : '这些读请求'}失败，客户端可以去问新的领导者`,
      requested: (p) => `收到读请求 ${p.id}：读取 "${p.key}"`,
      requestedNowhere: (p) => `读请求 ${p.id}（读取 "${p.key}"）没有发出：没有领导者`,
      served: (p) => `回答了读请求 ${p.id}："${p.key}" ${p.value === null ? '未设置' : `= "${p.value}"`}，状态机已应用到 ${p.applied} ≥ 读索引 ${p.readIndex}`,
    },
    disk: {
      term: (term) => `任期 ${term}`,
      noVote: '未投票',
      vote: (node) => `投票给节点 ${node}`,
      snapshot: (index) => `截至索引 ${index} 的快照`,
    },
    persisted: (parts) => `持久化到磁盘：${parts.join('，')}`,
    applied: (p, command) => `把条目 ${p.index}（任期 ${p.term}）应用到键值状态：${command}`,
    snapshotTaken: (p) => `压缩了日志：截至索引 ${p.index}（任期 ${p.term}）的快照取代了 ${p.entriesDropped} 个条目`,
    stateRestored: (p) => `从截至索引 ${p.snapshotIndex} 的快照重建了键值状态`,
    messageSent: {
      due: (p, rpc, args, deliverTick) => `在任期 ${p.term} 向节点 ${p.to} 发送 ${rpc}（${args}）；预计在 tick ${deliverTick} 送达`,
      lost: (p, rpc, args, reason) => `在任期 ${p.term} 向节点 ${p.to} 发送 ${rpc}（${args}）；这条消息会丢失：${reason}`,
    },
    messageDuplicated: (p, rpc, to) => `网络把消息 #${p.copyOf}（发往节点 ${to} 的 ${rpc}）复制了一份 #${p.id}，预计在 tick ${p.deliverTick} 送达`,
    manualDelivery: {
      on: (waiting) => `手动送达已开启：消息留在网络中，直到手动送达（现在有 ${waiting} 条在等待）`,
      off: '手动送达已关闭：消息重新自行送达',
    },
    livenessStalled: {
      noLeader: (ticks) => `活性监视：多数派可以互相通信，却已有 ${ticks} 个 tick 没有领导者`,
      commitStalled: (ticks, term, index) => `活性监视：作为任期 ${term} 的领导者，截至索引 ${index} 的条目已在多数派上存放了 ${ticks} 个 tick 却仍未提交：其中没有它自己任期的条目（§5.4.2）`,
    },
    runHalted: () => '运行停止：被破坏的协议进入了无法继续的状态；此后不再有任何变化',
    timersFrozen: { on: '计时器已冻结：在恢复之前，没有节点会超时或发送心跳', off: '计时器恢复运行' },
    messageDelayed: (p, rpc, to) => `消息 #${p.id}（发往节点 ${to} 的 ${rpc}）被手动推迟 ${p.by} 个 tick：现在于 tick ${p.deliverTick} 送达`,
    messageDelivered: (p, rpc, args, sentTick) => `收到节点 ${p.from} 在 tick ${sentTick} 发出的任期 ${p.term} 的 ${rpc}（${args}）`,
    messageDropped: (p, rpc, sentTick, reason) => `节点 ${p.from} 在 tick ${sentTick} 发往节点 ${p.to} 的 ${rpc} 丢失了：${reason}`,
    nodeAdded: '作为新服务器启动：磁盘为空，也没有配置；它等待领导者把日志发给它（论文 §4.2.1）',
    nodeRemoved: '离开了集群：移除它的变更已提交并应用，因此它永久关机（论文 §4.2.2）',
    nodeCrashed: '崩溃：易失状态全部丢失；磁盘上仍保留任期、投票记录、快照和日志',
    nodeRestarted: (p, vote) => `从磁盘重启：任期 ${p.term}，${vote}，快照截至索引 ${p.snapshotIndex}，日志到索引 ${p.lastIndex}`,
    partitionChanged: {
      whole: (groups) => `网络恢复连通：${groups}`,
      split: (count, groups) => `网络被划分为 ${count} 个互不连通的分区：${groups}`,
    },
    linkCut: (p) => `切断了从节点 ${p.from} 到节点 ${p.to} 的链路：这个方向的消息都会丢失`,
    linkRestored: (p) => `恢复了从节点 ${p.from} 到节点 ${p.to} 的链路`,
    networkHealed: '恢复了网络：取消所有网络分区，恢复每条链路',
    networkConfigured: (c) => `网络设置已更改：延迟 ${c.delayTicksMin}-${c.delayTicksMax} 个 tick，丢包率 ${c.dropRatio}，重复率 ${c.duplicateRatio}，乱序率 ${c.reorderRatio}`,
    timerSet: {
      set: (p) => `选举计时器被手动设置：${p.firesIn} 个 tick 后（tick ${p.firesAt}）到期`,
      align: (p) => `选举计时器与其他节点对齐：${p.firesIn} 个 tick 后（tick ${p.firesAt}）到期`,
      spread: (p) => `选举计时器与其他节点错开：${p.firesIn} 个 tick 后（tick ${p.firesAt}）到期`,
    },
    workloadConfigured: {
      stopped: '客户端负载已停止',
      running: (every, keys) => `客户端负载：每 ${every} 个 tick 向领导者发送一个 put，涉及 ${keys} 个键`,
    },
  },
};
