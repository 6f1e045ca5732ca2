/**
 * The cluster legend's shape line names every request the cluster view draws, by its paper name
 * (kept in every language), so a new message kind cannot be drawn without being explained.
 */
import { describe, expect, it } from 'vitest';
import { paperName, remoteMessageTypes } from '../../../src/core/index.ts';
import { messagesFor } from '../../../src/ui/i18n/catalogue.ts';

describe('the legend of message shapes', () => {
  for (const locale of ['en', 'zh-CN'] as const) {
    it(`names every request in ${locale}`, () => {
      const line = messagesFor(locale).cluster.legend.shapes;
      const requests = remoteMessageTypes.filter((type) => !type.endsWith('Resp')).map((type) => paperName[type]);
      expect(requests).toContain('TimeoutNow');
      for (const name of requests) expect(line, name).toContain(name);
    });
  }
});
