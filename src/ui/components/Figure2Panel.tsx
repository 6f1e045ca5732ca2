import { useMemo } from 'react';
import { currentRule, figure2Groups, ruleKey, ruleUses } from '../figure2-rules.ts';
import { useMessages } from '../hooks/use-messages.ts';
import { useEventsOnScreen } from '../hooks/use-events-on-screen.ts';
import { useAppStore } from '../store/store-context.tsx';
import './panels.css';

/**
 * Figure 2 as a live reference: the paper's rules, grouped as the paper groups them, folded away
 * until opened. The rule the latest event at or before the tick on screen exercised is marked
 * (aria-current); each rule says how many of the recent events exercised it and links to the
 * latest of them. Which rule an event exercised comes from the core's event (figure2-rules.ts).
 */
export function Figure2Panel() {
  const m = useMessages();
  const seek = useAppStore((state) => state.seek);
  const shown = useEventsOnScreen();
  const uses = useMemo(() => ruleUses(shown), [shown]);
  const current = useMemo(() => {
    const rule = currentRule(shown);
    return rule === null ? null : ruleKey(rule);
  }, [shown]);
  return (
    <section className="app-slot" aria-label={m.figure2.name}>
      <details className="panel figure2-panel">
        <summary>{m.figure2.summary}</summary>
        <p className="hint">{m.figure2.intro}</p>
        {figure2Groups.map(({ group }) => (
          <div key={group} className="figure2-group">
            <h3>{m.figure2.groups[group]}</h3>
            <ol>
              {m.figure2.rules[group].map((text, index) => {
                const key = ruleKey({ group, number: index + 1 });
                const use = uses.get(key);
                const isCurrent = key === current;
                return (
                  <li key={key} aria-current={isCurrent ? 'true' : undefined}>
                    {isCurrent ? <mark>{text}</mark> : text}{' '}
                    {isCurrent ? <strong>{m.figure2.current}</strong> : null}{' '}
                    <span className="muted">{m.figure2.uses(use?.count ?? 0)}</span>{' '}
                    {use === undefined ? null : (
                      <button type="button" aria-label={m.figure2.latestLabel(m.figure2.groups[group], index + 1, use.latest.tick)} onClick={() => seek(use.latest.tick)}>
                        {m.figure2.latest(use.latest.tick)}
                      </button>
                    )}
                  </li>
                );
              })}
            </ol>
          </div>
        ))}
      </details>
    </section>
  );
}
