/**
 * Wardnet's domain. Sub-packages hold the registry of sites and cameras; later ones hold health,
 * clips, sightings and tracks. Nothing here does I/O: persistence and devices are reached through
 * ports (interfaces) that {@code storage-index} and {@code adapters} implement.
 */
package org.wardnet.core;
