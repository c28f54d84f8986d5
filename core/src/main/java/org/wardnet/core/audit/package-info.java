/**
 * The audit trail: who looked at footage or changed the registry, when, what, and with which
 * result, in a hash chain so that a changed, removed or reordered entry is detectable.
 */
package org.wardnet.core.audit;
