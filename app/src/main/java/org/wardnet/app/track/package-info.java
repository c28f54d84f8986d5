/**
 * Track-following as a use case: the live camera map, the planner, corridors, learning from
 * confirmed cases, fitting the camera view, and a case's evidence bundle.
 */
package org.wardnet.app.track;
