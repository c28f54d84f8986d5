/**
 * The v1 HTTP API: one resource class per group of routes ({@link org.wardnet.server.api.SiteResource},
 * {@link org.wardnet.server.api.CameraResource}, {@link org.wardnet.server.api.CameraImportResource}),
 * the JSON shapes they answer ({@link org.wardnet.server.api.RegistryJson}) and the table of routes
 * ({@link org.wardnet.server.api.ApiRoutes}). Resources translate HTTP to registry calls and back;
 * the rules live in core.
 */
package org.wardnet.server.api;
