/**
 * The v1 HTTP API: one resource class per group of routes, which reads a request, calls a use case
 * of {@code app} with the caller, and writes the answer; the JSON shapes they answer (such as
 * {@link org.wardnet.server.api.RegistryJson}); each area's route declarations
 * ({@code *Endpoints}); and {@link org.wardnet.server.api.ApiRoutes}, which wires them. Rules and
 * scope live below, in {@code app} and {@code core}.
 */
package org.wardnet.server.api;
