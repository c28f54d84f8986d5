/**
 * Typed configuration: every key with its type, default, allowed range and documentation
 * ({@link org.wardnet.config.WardnetKeys}), loading from YAML with precise errors
 * ({@link org.wardnet.config.ConfigLoader}), and the generated default file
 * ({@link org.wardnet.config.DefaultConfigFile}).
 *
 * <p>This package knows nothing of Netty, JDBC or FFmpeg: it only turns text into checked values.
 */
package org.wardnet.config;
