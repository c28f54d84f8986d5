/**
 * Tier nodes: a room or substation running its own Wardnet under a parent. This package holds the
 * parent's side of registering its child nodes (each an account with the node role on its site and
 * a long-lived token); syncing upward builds on it.
 */
package org.wardnet.app.federation;
