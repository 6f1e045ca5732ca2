/** The app's frame: header, status bar, playback controls, help, banners (English, the source catalogue). */

export const app = {
  header: {
    tagline: 'A real Raft cluster, simulated tick by tick. Break it and watch it recover.',
    largeType: 'Large type',
    largeTypeHint: 'Larger type everywhere, for a projector (G)',
    darkTheme: 'Dark theme',
    lightTheme: 'Light theme',
    shortcuts: 'Keyboard shortcuts',
  },
};
