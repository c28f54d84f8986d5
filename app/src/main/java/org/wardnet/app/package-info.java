/**
 * The application layer: Wardnet's use cases, between the domain ({@code core}) and its callers
 * (the HTTP API, the CLI, later the web console and parent nodes). Use cases see core's ports only;
 * the server's composition root hands them the concrete adapters and stores. Nothing here knows
 * HTTP or Netty: failures are {@link org.wardnet.core.errors.DomainException}s.
 */
package org.wardnet.app;
