/**
 * Routes declared once: each {@link org.wardnet.server.routes.Endpoint} carries its method, path,
 * handler, {@link org.wardnet.server.routes.Access access rule}, audit decision, body limit and
 * {@link org.wardnet.server.routes.Operation OpenAPI operation}; the router, guards, audit trail,
 * body limits and the {@link org.wardnet.server.routes.OpenApiDocument OpenAPI document} are made
 * from them.
 */
package org.wardnet.server.routes;
