/** The actions area's messages (English, the source catalogue). */

export const actions = {};
