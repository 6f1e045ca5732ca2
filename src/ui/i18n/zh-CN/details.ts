/** details 区域的文字（简体中文）。 */
import type { Messages } from '../messages.ts';

export const details: Messages['details'] = {};
