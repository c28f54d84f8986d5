/**
 * HTTP/1.1 on Netty, independent of what the API serves: bounded request reading
 * ({@link org.wardnet.server.http.RequestReader}), ordered dispatch of pipelined requests
 * ({@link org.wardnet.server.http.RequestDispatcher}), routing with 404 and 405
 * ({@link org.wardnet.server.http.Router}) and RFC 9457 problem responses
 * ({@link org.wardnet.server.http.Problem}).
 *
 * <p>Handlers return futures: reads complete at once on the event loop, blocking work completes
 * later from a bounded executor ({@link org.wardnet.app.work.BlockingWork}).
 */
package org.wardnet.server.http;
