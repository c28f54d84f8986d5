/**
 * The tiered registry: {@link org.wardnet.core.registry.Site sites} (one CENTER, SUBSTATIONs under
 * it, ROOMs under substations) and the {@link org.wardnet.core.registry.Camera cameras} that belong
 * to them.
 *
 * <p>{@link org.wardnet.core.registry.Registry} is the one place the rules are enforced; it keeps
 * the whole registry in memory for reads and writes through a
 * {@link org.wardnet.core.registry.RegistryStore} before any change becomes visible.
 */
package org.wardnet.core.registry;
