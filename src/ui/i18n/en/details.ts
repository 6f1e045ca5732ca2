/** The details area's messages (English, the source catalogue). */

export const details = {};
