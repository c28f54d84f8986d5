/**
 * JDBC persistence: the {@link org.wardnet.storage.Database} (H2 embedded by default, PostgreSQL
 * by URL) with its versioned Flyway migrations and the one way to run a transaction
 * ({@link org.wardnet.storage.Transactions}); the stores that implement core's ports live in one
 * package per concern (registry, health, clips, track, access and audit, secrets).
 *
 * <p>Everything here blocks on I/O; callers run it on their own executors, never on an event loop.
 * SQL types stay in these packages: core sees only its own records.
 */
package org.wardnet.storage;
