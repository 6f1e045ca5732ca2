/** The events area's messages (English, the source catalogue). */

export const events = {};
