package io.accessctl.lint;

/**
 * What a rule is, for people and for tools.
 *
 * @param id stable id such as {@code AC301}; never reused for another meaning
 * @param name kebab-case name, usable wherever the id is ({@code try-tls-not-no})
 * @param severity default severity
 * @param summary one line: what the rule finds
 * @param explanation the paragraph {@code accessctl explain} prints: why it matters to sendmail,
 *     with a wrong and a right example
 */
public record RuleInfo(String id, String name, Severity severity, String summary, String explanation) {}
