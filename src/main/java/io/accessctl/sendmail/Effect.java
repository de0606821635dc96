package io.accessctl.sendmail;

/**
 * What sendmail does with the result of a check.
 *
 * @param code a short machine-readable word or phrase ({@code starttls}, {@code no-starttls},
 *     {@code reject}, {@code flags V}, {@code limit 10}, …): the JSON "effect"
 * @param summary one or two sentences for people
 */
public record Effect(String code, String summary) {}
