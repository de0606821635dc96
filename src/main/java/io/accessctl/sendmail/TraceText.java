package io.accessctl.sendmail;

import java.util.List;

/** An {@link Answer} as text for an admin: the keys in order, what matched, what sendmail does. */
public final class TraceText {
  private TraceText() {}

  public static String render(Answer a) {
    StringBuilder sb = new StringBuilder();
    String tag = a.query().tag().name();
    sb.append(tag).append(" lookup for ").append(a.name().isEmpty() ? "(no name)" : a.name());
    a.addr().filter(s -> !s.isEmpty()).ifPresent(s -> sb.append(" [").append(s).append(']'));
    sb.append('\n');
    sb.append("  ").append(a.rules().source()).append('\n');
    if (!a.rules().fromCf()) {
      sb.append("  assumed: ").append(String.join("; ", a.rules().assumptions())).append('\n');
    }
    for (String n : a.notes()) {
      sb.append("  note: ").append(n).append('\n');
    }
    sb.append('\n');
    List<Probe> probes = a.probes();
    if (probes.isEmpty()) {
      sb.append("No key is looked up in the access map.\n");
    } else {
      sb.append("sendmail's ").append(a.ruleset()).append(a.steps().size() > 1
          ? " rulesets look up" : " ruleset looks up").append(", in this order:\n");
      int width = 0;
      int statusWidth = 0;
      for (Probe p : probes) {
        width = Math.max(width, Visible.of(p.key()).length());
        statusWidth = Math.max(statusWidth, status(p).length());
      }
      width = Math.min(width, 60);
      int number = 1;
      for (Probe p : probes) {
        sb.append(String.format("  %2d. %-" + width + "s  %-" + statusWidth + "s  %s%n", number++,
            Visible.of(p.key()), status(p), p.why()));
      }
      if (a.match().isPresent() && a.match().get() == probes.get(probes.size() - 1)) {
        sb.append("  The first key found decides; nothing after it is looked up.\n");
      } else if (a.match().isPresent()) {
        sb.append("  ").append(Visible.of(a.match().get().key())).append(" decides; the keys"
            + " after it belong to other checks of the same rules.\n");
      }
    }
    if (!a.steps().isEmpty()) {
      sb.append('\n');
      for (Answer.Step s : a.steps()) {
        sb.append("  ").append(s.ruleset()).append(", run ").append(s.when()).append(", returns: ")
            .append(s.returns() == null ? "(nothing: it stopped)" : s.returns().isEmpty()
                ? "(nothing)" : Visible.of(s.returns())).append('\n');
        for (String e : s.errors()) {
          sb.append("    error: ").append(e).append('\n');
        }
      }
    }
    sb.append('\n');
    if (a.match().isPresent()) {
      Probe m = a.match().get();
      sb.append("Matched: ").append(Visible.of(m.key())).append("  ")
          .append(Visible.of(m.value().orElse(""))).append('\n');
    } else {
      sb.append("Matched: nothing\n");
    }
    sb.append("Effect:  ").append(a.effect().summary()).append('\n');
    for (String h : a.hints()) {
      sb.append("Hint:    ").append(h).append('\n');
    }
    return sb.toString();
  }

  private static String status(Probe p) {
    if (p.value().isEmpty()) {
      return "not found";
    }
    String v = Visible.of(p.value().get().strip());
    if (v.length() > 24) {
      v = v.substring(0, 21) + "...";
    }
    return (p.skipped() ? "SKIP (walk ends)" : "found: " + v);
  }

  /** Control bytes made visible ({@code \r}, {@code \x00}), everything else as is. */
  static final class Visible {
    private Visible() {}

    static String of(String s) {
      StringBuilder sb = new StringBuilder(s.length());
      for (char c : s.toCharArray()) {
        if (c == '\r') {
          sb.append("\\r");
        } else if (c == '\t') {
          sb.append("\\t");
        } else if (c < 0x20 || c == 0x7f) {
          sb.append(String.format("\\x%02x", (int) c));
        } else {
          sb.append(c);
        }
      }
      return sb.toString();
    }
  }
}
