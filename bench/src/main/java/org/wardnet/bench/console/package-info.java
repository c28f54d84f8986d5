/** The web console measured in a real browser: map, follow and playback times from the Performance API. */
package org.wardnet.bench.console;
