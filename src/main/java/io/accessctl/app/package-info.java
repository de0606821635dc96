/**
 * The use cases of accessctl as plain Java APIs that return values: no exit codes, no printed
 * text, no picocli. The commands ({@code cli}), the shell ({@code shell}) and the pre-commit hook
 * call these and render the results; none of them runs another through an argument vector.
 *
 * <ul>
 *   <li>{@link io.accessctl.app.MapTarget}: the text map, the cf, and every setting the access K
 *       line gives (class, -N, -f, -o, the file sendmail opens), decided once.
 *   <li>{@link io.accessctl.app.Maps} opens any map by its path behind {@link
 *       io.accessctl.app.MapSource}: a text map, a hash, btree or cdb file, a live JE store.
 *   <li>{@link io.accessctl.app.Compile}, {@link io.accessctl.app.Push}: parse, lint with every
 *       rule ({@link io.accessctl.app.Checked}), refuse what the {@link
 *       io.accessctl.app.WritePolicy} refuses, write atomically. compile writes the temporary
 *       file while it lints ({@code PendingWrite}) and renames it over the db only when nothing
 *       refuses the write.
 *   <li>{@link io.accessctl.app.Edit} (set, delete, suggest --apply: the edited map judged by
 *       the same {@link io.accessctl.app.WritePolicy}), {@link
 *       io.accessctl.app.Suggest}, {@link io.accessctl.app.Status}, {@link
 *       io.accessctl.app.MapLookup} (query, lookup), {@link io.accessctl.app.Lint} (lint, the
 *       hook, with {@link io.accessctl.app.StagedAdditions} for staged files), {@link
 *       io.accessctl.app.PreCommitHook} (installing the hook, the files a commit stages), {@link
 *       io.accessctl.app.Serve} (the store served as a socketmap).
 * </ul>
 *
 * <p>Work started ahead: a command may have a use case start, on other threads and before its
 * options are parsed, what the run will most likely need ({@link
 * io.accessctl.app.Lint#prepareAhead(io.accessctl.app.Lint.Request)}: the cf, the files' lints;
 * {@link io.accessctl.app.PreCommitHook#prepareAhead}: git's answers). The run uses such work only
 * when it was made for exactly what the run asks, from files still as they were when the work
 * began (size, time, inode); else it does the work itself, with the same result.
 *
 * <p>Failures: an input that cannot be read is an {@link java.io.IOException} naming the file
 * ({@link io.accessctl.app.IoProblems} words it); an output that cannot be written is a {@link
 * io.accessctl.app.WriteFailure}; a refusal is a value in the result. Warnings that do not stop a
 * use case (a stock cf that cannot be parsed) go to the {@code Consumer<String>} the caller
 * passes. Layering: uses every package below it (source, lint, cf, sendmail, mapfile, serve,
 * status, maillog); nothing below uses it.
 */
package io.accessctl.app;
