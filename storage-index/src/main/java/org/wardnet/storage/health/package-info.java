/** Health and recorder state changes, appended in batches and read back newest first. */
package org.wardnet.storage.health;
