/** Copying a whole store into another (an H2 store into PostgreSQL), resumably. */
package org.wardnet.storage.copy;
