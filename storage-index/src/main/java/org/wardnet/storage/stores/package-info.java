/** Stores made for a while and thrown away: the scratch PostgreSQL of the tests and the demo. */
package org.wardnet.storage.stores;
