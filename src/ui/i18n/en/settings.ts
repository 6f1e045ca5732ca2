/** The settings area's messages (English, the source catalogue). */

export const settings = {};
