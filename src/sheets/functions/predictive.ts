/**
 * predictive formulas (see FUNCTIONS.md).
 */
export {};
