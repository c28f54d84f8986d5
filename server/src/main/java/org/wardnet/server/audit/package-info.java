/** Recording footage access and registry changes in the hash-chained audit trail. */
package org.wardnet.server.audit;
