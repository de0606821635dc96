/**
 * {@code accessctl shell}: a read-eval-print loop over {@code lookup}, {@code query}, {@code lint}
 * and {@code explain}, with completion of commands, options, tags and keys. The shell runs the
 * lines typed through a {@link io.accessctl.shell.CommandRunner} it defines and the CLI supplies,
 * so they have the commands' options and output without this package depending on {@code cli};
 * the map's keys for completion come from {@link io.accessctl.app.Maps}. Only {@link
 * io.accessctl.shell.Terminal} touches JLine, and only when standard input is a terminal, so no
 * other command ever loads a JLine class.
 */
package io.accessctl.shell;
