/**
 * health formulas (see FUNCTIONS.md).
 */
export {};
