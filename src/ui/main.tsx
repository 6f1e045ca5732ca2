import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/App.tsx';
import { makeAppStore } from './store/store.ts';
import { AppStoreProvider } from './store/store-context.tsx';
import { createWorkerPort } from './store/worker-port.ts';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('Raftlab: #root element is missing from index.html');

const store = makeAppStore(createWorkerPort());

createRoot(root).render(
  <StrictMode>
    <AppStoreProvider store={store}>
      <App />
    </AppStoreProvider>
  </StrictMode>,
);
