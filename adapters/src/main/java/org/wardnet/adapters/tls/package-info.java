/** Trust for HTTPS clients of our own servers: certificates pinned from a PEM file. */
package org.wardnet.adapters.tls;
