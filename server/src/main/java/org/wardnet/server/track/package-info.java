/** Track-following in the server: the live camera map, the planner, learning from confirmed cases. */
package org.wardnet.server.track;
