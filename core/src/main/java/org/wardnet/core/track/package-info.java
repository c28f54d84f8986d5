/**
 * Track-following: where a subject seen at one camera can be seen next, and when. The street
 * network and the cameras placed on it give a geometric prior; confirmed routes teach per-pair
 * travel times; the planner blends both and says how much weight each got. Sightings and cases
 * are the investigator's records. Pure computation and ports: no I/O here.
 */
package org.wardnet.core.track;
