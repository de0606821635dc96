/**
 * {@code accessctl status}: is the compiled access map the one sendmail reads, and does it say what
 * the text says.
 *
 * <p>The checks are plain data ({@link io.accessctl.status.Check}) so that the text and JSON
 * renderings, and any future caller, share one judgement. Layering: uses {@code source} (the same
 * parser as compile), {@code mapfile} (to read the db), {@code cf} (the K line, the version, the
 * options) and {@code report}'s JSON writer. Which text, which db and which parse options are
 * checked is decided by the app layer's {@code Status} as compile decides them; the CLI
 * only gathers options and prints.
 */
package io.accessctl.status;
