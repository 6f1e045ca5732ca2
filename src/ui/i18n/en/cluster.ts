/** The cluster area's messages (English, the source catalogue). */

export const cluster = {};
