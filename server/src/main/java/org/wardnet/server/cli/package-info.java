/**
 * The {@code wardnet} command line: {@link org.wardnet.server.cli.Main} and its subcommands.
 */
package org.wardnet.server.cli;
