package io.accessctl.status;

import java.util.List;

/**
 * One line of the checklist.
 *
 * @param id a stable name for scripts ({@code db-in-step}, {@code k-line}, …)
 * @param status the verdict
 * @param summary one sentence
 * @param details further lines (differing entries, advice), possibly none
 */
public record Check(String id, CheckStatus status, String summary, List<String> details) {
  public static final String DB_IN_STEP = "db-in-step";
  public static final String K_LINE = "k-line";
  public static final String ACCESS_MAP_ENABLED = "access-map-enabled";
  public static final String TLS_FALLBACK = "tls-fallback";
  public static final String CANIT = "canit";

  public Check {
    details = List.copyOf(details);
  }

  static Check of(String id, CheckStatus status, String summary, String... details) {
    return new Check(id, status, summary, List.of(details));
  }
}
