/**
 * The domain's errors: one exception type whose kind (invalid, not found, conflict, forbidden,
 * unavailable, too large, ...) each transport maps to its own answer in one place, and the field
 * errors that say which input was wrong.
 */
package org.wardnet.core.errors;
