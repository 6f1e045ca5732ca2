/** The runs area's messages (English, the source catalogue). */

export const runs = {};
