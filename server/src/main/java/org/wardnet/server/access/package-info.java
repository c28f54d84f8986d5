/**
 * The guard in front of every route: bearer tokens resolved to principals, each route's declared
 * {@link org.wardnet.server.routes.Access access rule} enforced, and the caller and its scope handed
 * to the handler. Which site a caller may reach is the use cases' business ({@code app}).
 */
package org.wardnet.server.access;
