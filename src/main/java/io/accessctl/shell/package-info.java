/**
 * {@code accessctl shell}: a read-eval-print loop over the same commands the CLI runs ({@code
 * lookup}, {@code query}, {@code lint}, {@code explain}), with completion of commands, options,
 * tags and keys. Only {@link io.accessctl.shell.Terminal} touches JLine, and only when standard
 * input is a terminal, so no other command ever loads a JLine class.
 */
package io.accessctl.shell;
