/** The child node's sync journal on JDBC: entries written with the changes they record. */
package org.wardnet.storage.federation;
