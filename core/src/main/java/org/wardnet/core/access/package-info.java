/**
 * Who may do what: users, their roles granted on site subtrees, the tokens they present, and the
 * slow password hash. Nothing here knows HTTP; the server maps routes to {@link
 * org.wardnet.core.access.Permission}s and asks a {@link org.wardnet.core.access.Principal} for its
 * {@link org.wardnet.core.access.AccessScope}.
 */
package org.wardnet.core.access;
