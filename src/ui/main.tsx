import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/App.tsx';
import { EmbedApp } from './components/EmbedApp.tsx';
import { browserPreferenceHost, initialDisplay, keepDisplayPreferences } from './preferences.ts';
import { keepRunsInBrowser } from './share/keep-runs.ts';
import { makeAppStore } from './store/store.ts';
import { AppStoreProvider } from './store/store-context.tsx';
import { createWorkerPort } from './store/worker-port.ts';
import { FuzzWorkerContext } from './fuzz/fuzz-context.ts';
import { createFuzzWorker } from './fuzz/fuzz-workers.ts';
import { optionsFromSearch } from './url-options.ts';
import { fullAppSearch, viewOptionsFromSearch } from './view-options.ts';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('Raftlab: #root element is missing from index.html');

const { search } = window.location;
const fromAddress = optionsFromSearch(search);
const view = viewOptionsFromSearch(search);
const preferenceHost = browserPreferenceHost();
const display = initialDisplay(preferenceHost, search);
const store = makeAppStore(createWorkerPort(), fromAddress.options === null ? { display } : { runOptions: fromAddress.options, display });
keepDisplayPreferences(store, preferenceHost);
// The banner words the address's problems in the language on screen, and again if it changes.
const problems = [...fromAddress.problems, ...view.problems];
if (problems.length > 0 || fromAddress.warnings.length > 0) {
  store.getState().reportError({ kind: 'address', problems, warnings: fromAddress.warnings });
}
// The worker takes commands in order: these follow the new run's start.
if (view.options.speed !== null) store.getState().setSpeed(view.options.speed);
if (view.options.autoplay) store.getState().play();
// `?presenter=1`: a course page that opens straight onto the projector's view.
if (['1', 'true', 'on'].includes(new URLSearchParams(search).get('presenter') ?? '')) store.getState().setPresenter(true);
// A permalink in the address, or this browser's autosave, replaces that run once replayed (it
// opens paused); from then on the address and the autosave follow the run (docs/runs.md).
void keepRunsInBrowser(store, { embedded: view.options.embed });

createRoot(root).render(
  <StrictMode>
    <AppStoreProvider store={store}>
      {view.options.embed ? (
        <EmbedApp panels={view.options.panels} fullAppHref={`${window.location.pathname}${fullAppSearch(search)}`} />
      ) : (
        <FuzzWorkerContext.Provider value={createFuzzWorker}>
          <App />
        </FuzzWorkerContext.Provider>
      )}
    </AppStoreProvider>
  </StrictMode>,
);
