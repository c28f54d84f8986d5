/**
 * Tier nodes syncing upward: the journal of a child's changes (sites, cameras, health, clips and
 * the audit chain's head) in the order they committed, which its parent applies and acknowledges.
 */
package org.wardnet.core.federation;
