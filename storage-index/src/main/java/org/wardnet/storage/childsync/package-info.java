/**
 * What a parent tier node stores of its child nodes' pushes besides the registry: their health
 * events and latest states, and their clip index rows, committed together with the node's
 * acknowledged sequence number.
 */
package org.wardnet.storage.childsync;
