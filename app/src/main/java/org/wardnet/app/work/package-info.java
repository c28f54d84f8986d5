/** Bounded executors for blocking work (store, files), so it never runs on a caller's event loop. */
package org.wardnet.app.work;
