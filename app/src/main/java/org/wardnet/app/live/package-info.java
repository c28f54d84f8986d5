/**
 * Live viewing as a use case: who may watch which camera's stream ({@code live} on its site),
 * short-lived tickets for clients that cannot send a header, per-user session limits, and each
 * session's start and end in the audit trail. The relay that carries the video is an adapter; the
 * server joins the two.
 */
package org.wardnet.app.live;
