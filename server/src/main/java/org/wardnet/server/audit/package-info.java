/** The audit trail in front of the routes: each call of a route that declares an audit action is recorded before it is answered. */
package org.wardnet.server.audit;
