/** The clip index (windows, coverage, retention, holds) and the recording plans. */
package org.wardnet.storage.clips;
