import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/App.tsx';
import { browserPreferenceHost, initialDisplay, keepDisplayPreferences } from './preferences.ts';
import { makeAppStore } from './store/store.ts';
import { AppStoreProvider } from './store/store-context.tsx';
import { createWorkerPort } from './store/worker-port.ts';
import { optionsFromSearch } from './url-options.ts';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('Raftlab: #root element is missing from index.html');

const fromAddress = optionsFromSearch(window.location.search);
const preferenceHost = browserPreferenceHost();
const display = initialDisplay(preferenceHost, window.location.search);
const store = makeAppStore(createWorkerPort(), fromAddress.options === null ? { display } : { runOptions: fromAddress.options, display });
keepDisplayPreferences(store, preferenceHost);
// The banner words the address's problems in the language on screen, and again if it changes.
if (fromAddress.problems.length > 0 || fromAddress.warnings.length > 0) {
  store.getState().reportError({ kind: 'address', problems: fromAddress.problems, warnings: fromAddress.warnings });
}

createRoot(root).render(
  <StrictMode>
    <AppStoreProvider store={store}>
      <App />
    </AppStoreProvider>
  </StrictMode>,
);
