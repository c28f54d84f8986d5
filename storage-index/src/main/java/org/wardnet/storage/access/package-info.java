/** Users, grants and token digests, and the hash-chained audit trail (rows only ever inserted). */
package org.wardnet.storage.access;
