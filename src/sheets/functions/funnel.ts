/**
 * funnel formulas (see FUNCTIONS.md).
 */
export {};
