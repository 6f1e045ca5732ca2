/** Placeholder shell; the real application replaces it. */
export function App() {
  return (
    <main>
      <h1>Raftlab</h1>
    </main>
  );
}
