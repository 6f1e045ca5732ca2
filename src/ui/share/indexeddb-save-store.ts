/**
 * The autosave's store in the browser: IndexedDB (it holds structured data of any size, unlike
 * localStorage's few megabytes of strings, and writes without blocking the page). One object
 * store, `runs`, keyed by tab id, with an index on `savedAt` to find the latest save.
 */
import type { RunSaveStore, SavedRun } from './run-save-store.ts';

const databaseName = 'raftlab';
const databaseVersion = 1;
const storeName = 'runs';
const byTime = 'savedAt';
/** How long opening may take before the app goes on without an autosave (a blocked upgrade never answers). */
const openTimeoutMs = 3_000;

function request<T>(operation: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    operation.onsuccess = () => resolve(operation.result);
    operation.onerror = () => reject(operation.error ?? new Error('IndexedDB request failed'));
  });
}

/**
 * Opens the database, or resolves null where the browser offers no IndexedDB or refuses it
 * (some private windows, blocked storage): the app then simply keeps no autosave.
 */
export async function openIndexedDbSaveStore(factory: IDBFactory | undefined = globalThis.indexedDB): Promise<RunSaveStore | null> {
  if (factory === undefined) return null;
  let database: IDBDatabase;
  try {
    const opening = factory.open(databaseName, databaseVersion);
    opening.onupgradeneeded = () => {
      const runs = opening.result.createObjectStore(storeName, { keyPath: 'tabId' });
      runs.createIndex(byTime, byTime);
    };
    const opened = await Promise.race([request(opening), new Promise<null>((resolve) => setTimeout(() => resolve(null), openTimeoutMs))]);
    if (opened === null) return null;
    database = opened;
  } catch {
    return null;
  }
  const transaction = (mode: IDBTransactionMode) => database.transaction(storeName, mode).objectStore(storeName);
  return {
    get: async (tabId) => ((await request(transaction('readonly').get(tabId))) as SavedRun | undefined) ?? null,
    latest: async () => {
      const cursor = await request(transaction('readonly').index(byTime).openCursor(null, 'prev'));
      return (cursor?.value as SavedRun | undefined) ?? null;
    },
    put: async (save) => {
      await request(transaction('readwrite').put(save));
    },
    prune: (keep) =>
      new Promise((resolve, reject) => {
        const cursor = transaction('readwrite').index(byTime).openCursor(null, 'prev');
        let seen = 0;
        cursor.onsuccess = () => {
          const at = cursor.result;
          if (at === null) return resolve();
          seen += 1;
          if (seen > keep) at.delete();
          at.continue();
        };
        cursor.onerror = () => reject(cursor.error ?? new Error('IndexedDB prune failed'));
      }),
  };
}
