/** A child tier node's HTTP link to its parent: resume and push, over HTTPS with the node's token. */
package org.wardnet.adapters.federation;
