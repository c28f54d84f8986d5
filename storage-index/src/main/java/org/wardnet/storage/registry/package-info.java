/**
 * The registry's store: sites and cameras with their passwords sealed at rest, rotating the
 * sealing key, and each camera's latest verification checklist.
 */
package org.wardnet.storage.registry;
