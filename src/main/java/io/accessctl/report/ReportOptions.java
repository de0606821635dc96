package io.accessctl.report;

/**
 * What a reporter needs besides the report.
 *
 * @param color whether the text format may use ANSI colours (the caller decides: a terminal, no
 *     {@code NO_COLOR}, no {@code --color=never}); the other formats ignore it
 * @param toolVersion accessctl's version for formats that name the tool (SARIF), or null to omit it
 */
public record ReportOptions(boolean color, String toolVersion) {}
