/** Track-following's stores: learned hops, visibility and the fitted view, manual links, sightings and cases. */
package org.wardnet.storage.track;
