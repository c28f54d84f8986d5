/** Accounts as use cases: logins and their throttle, users and grants, tokens, and resolving a bearer token to its caller. */
package org.wardnet.app.access;
