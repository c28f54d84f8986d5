/**
 * Authentication and authorisation of API requests: bearer tokens resolved to principals, the one
 * table of what every route needs ({@link org.wardnet.server.access.AccessRules}), the wrapper
 * that enforces it, and the login, user and token endpoints.
 */
package org.wardnet.server.access;
