import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/App.tsx';
import { makeAppStore } from './store/store.ts';
import { AppStoreProvider } from './store/store-context.tsx';
import { createWorkerPort } from './store/worker-port.ts';
import { optionsFromSearch } from './url-options.ts';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('Raftlab: #root element is missing from index.html');

const fromAddress = optionsFromSearch(window.location.search);
const store = makeAppStore(createWorkerPort(), fromAddress.options === null ? {} : { runOptions: fromAddress.options });
if (fromAddress.problems.length > 0) store.setState({ error: `Ignored in the address: ${fromAddress.problems.join('; ')}` });

createRoot(root).render(
  <StrictMode>
    <AppStoreProvider store={store}>
      <App />
    </AppStoreProvider>
  </StrictMode>,
);
