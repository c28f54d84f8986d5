/** Secrets at rest: the AES-256-GCM box camera passwords are sealed in, and its key file. */
package org.wardnet.storage.secrets;
