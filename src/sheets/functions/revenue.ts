/**
 * revenue formulas (see FUNCTIONS.md).
 */
export {};
