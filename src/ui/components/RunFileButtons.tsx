import { useRef } from 'react';
import { useAppStore } from '../store/store-context.tsx';

/** Save the run (seed, options and timed actions) as a JSON file, or load one to replay it. */
export function RunFileButtons() {
  const exportRun = useAppStore((state) => state.exportRun);
  const importRun = useAppStore((state) => state.importRun);
  const input = useRef<HTMLInputElement>(null);

  const save = async () => {
    const run = await exportRun();
    const url = URL.createObjectURL(new Blob([JSON.stringify(run, null, 2)], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `raftlab-run-seed${run.options.seed ?? 1}-tick${run.tick}.json`;
    link.click();
    URL.revokeObjectURL(url);
  };

  const load = async (file: File) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(await file.text());
    } catch {
      parsed = { error: `${file.name} is not JSON` };
    }
    importRun(parsed);
  };

  return (
    <>
      <button type="button" onClick={() => void save()}>
        Export run
      </button>
      <button type="button" onClick={() => input.current?.click()}>
        Import run
      </button>
      <input
        ref={input}
        type="file"
        accept="application/json,.json"
        className="visually-hidden"
        aria-label="Run file to import"
        tabIndex={-1}
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          if (file !== undefined) void load(file);
          event.currentTarget.value = '';
        }}
      />
    </>
  );
}
