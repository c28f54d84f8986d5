/**
 * JDBC persistence: the {@link org.wardnet.storage.Database} (H2 embedded by default, PostgreSQL
 * by URL) with its versioned Flyway migrations, and the stores that implement core's ports, such
 * as {@link org.wardnet.storage.JdbcRegistryStore}.
 *
 * <p>Everything here blocks on I/O; callers run it on their own executors, never on an event loop.
 * SQL types stay in this package: core sees only its own records.
 */
package org.wardnet.storage;
