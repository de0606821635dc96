/**
 * Lint reports in every output format of {@code accessctl lint --format}.
 *
 * <p>A {@link io.accessctl.report.LintReport} holds the files checked and the findings, in one
 * deterministic order; {@link io.accessctl.report.OutputFormat#reporter} gives the
 * {@link io.accessctl.report.Reporter} for a format: {@code text} for people, {@code gcc} for
 * editors, {@code json} for scripts, {@code sarif} for code scanning, {@code github} for workflow
 * annotations and {@code checkstyle} for CI servers. Reporters write only to the writer or stream
 * they are given, end lines with LF, and produce byte-identical output for the same report, so
 * their output is tested against golden files. They render UTF-8 bytes ({@code ByteText}), which
 * go to a byte stream as they are, or decoded to a writer. A finding's message comes as the parts
 * its rule made it of ({@link io.accessctl.lint.Message}), each escaped and written in turn, never
 * joined into a string of its own.
 *
 * <p>{@link io.accessctl.report.Json} is the package's small JSON writer, for any command that
 * prints JSON.
 */
package io.accessctl.report;
