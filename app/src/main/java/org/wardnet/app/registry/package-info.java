/** The registry through a caller's eyes: sites and cameras in scope, others answered as missing. */
package org.wardnet.app.registry;
