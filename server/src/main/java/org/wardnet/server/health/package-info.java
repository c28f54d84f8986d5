/** The health API: a camera's health, the summary of a site subtree, and health events as server-sent events. */
package org.wardnet.server.health;
