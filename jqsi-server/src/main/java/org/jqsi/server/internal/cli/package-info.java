/** The {@code jqsi} subcommands, one class each. Not exported. */
package org.jqsi.server.internal.cli;
