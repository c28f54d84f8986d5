/**
 * The installer's use cases: discovery marked against the registry, single and bulk verification,
 * and keeping what a verification learns (checklist, snapshot, stream URLs).
 */
package org.wardnet.app.install;
