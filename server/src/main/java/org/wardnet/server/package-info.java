/**
 * The composition root: {@link org.wardnet.server.WardnetServer} wires configuration, store,
 * registry, metrics and the HTTP API together. It is the only package that knows concrete classes
 * of every module; it holds no domain rules.
 */
package org.wardnet.server;
