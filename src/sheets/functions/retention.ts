/**
 * retention formulas (see FUNCTIONS.md).
 */
export {};
