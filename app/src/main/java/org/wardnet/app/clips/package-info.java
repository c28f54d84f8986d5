/** Footage use cases: indexing a folder of recordings, within the configured import roots. */
package org.wardnet.app.clips;
