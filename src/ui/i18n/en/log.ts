/** The log area's messages (English, the source catalogue). */

export const log = {};
