/**
 * The web console's delivery: its files and the browser libraries it uses (WebJars), served from
 * the jar at {@code /}, {@code /console/} and {@code /webjars/} under a strict Content-Security-Policy.
 * The pages themselves only call the public HTTP API; nothing here decides what a user may do.
 */
package org.wardnet.server.console;
