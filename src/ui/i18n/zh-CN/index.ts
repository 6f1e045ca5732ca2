/** 简体中文目录：结构与英文目录一致（见 ../messages.ts）。 */
import type { Messages } from '../messages.ts';
import { actions } from './actions.ts';
import { app } from './app.ts';
import { branches } from './branches.ts';
import { cluster } from './cluster.ts';
import { common } from './common.ts';
import { debug } from './debug.ts';
import { details } from './details.ts';
import { diagram } from './diagram.ts';
import { embed } from './embed.ts';
import { events } from './events.ts';
import { exporting } from './exporting.ts';
import { figure2 } from './figure2.ts';
import { log } from './log.ts';
import { runs } from './runs.ts';
import { settings } from './settings.ts';
import { presets } from './presets.ts';
import { scenario } from './scenario.ts';
import { share } from './share.ts';
import { lessons } from './lessons.ts';
import { learn } from './learn.ts';
import { tape } from './tape.ts';
import { unsafe } from './unsafe.ts';
import { fuzz } from './fuzz.ts';

export const zhCN: Messages = { common, app, cluster, log, details, actions, events, settings, runs, embed, share, scenario, presets, debug, figure2, branches, tape, diagram, exporting, lessons, learn, unsafe, fuzz };
