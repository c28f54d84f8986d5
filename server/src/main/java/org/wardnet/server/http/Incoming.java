package org.wardnet.server.http;

/**
 * What {@link RequestReader} hands to {@link RequestDispatcher}: a whole request, or the problem
 * that stopped it from being read (then the connection is closed after the answer).
 *
 * @param request    the request; null when rejected
 * @param rejection  why it could not be read; null when read
 * @param method     the request method, for metrics ("?" when the line was unreadable)
 * @param keepAlive  whether the connection stays open after the answer
 * @param startNanos when its first byte was decoded
 */
record Incoming(ApiRequest request, Problem rejection, String method, boolean keepAlive, long startNanos) {
}
