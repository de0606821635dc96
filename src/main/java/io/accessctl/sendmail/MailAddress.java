package io.accessctl.sendmail;

import io.accessctl.tokens.Prescan;
import io.accessctl.tokens.TokenText;
import java.util.ArrayList;
import java.util.List;

/**
 * An envelope address as the check rulesets see it after {@code $>CanonAddr}: the local part and
 * the domain (the part after the last {@code @}) as tokens, trailing dots of the domain removed.
 * DNS canonification of the domain (a CNAME replaced by its target) is not done here.
 *
 * @param local the local part's tokens ({@code joe + list})
 * @param domain the domain's tokens, empty for an unqualified address
 * @param nullSender true for {@code <>}
 * @param strippedDots how many trailing dots were removed from the domain
 */
record MailAddress(List<String> local, List<String> domain, boolean nullSender, int strippedDots) {

  static MailAddress parse(String text) {
    List<String> t = new ArrayList<>(Prescan.words(text));
    if (t.size() >= 2 && t.get(0).equals("<") && t.get(t.size() - 1).equals(">")) {
      t = new ArrayList<>(t.subList(1, t.size() - 1));
    }
    if (t.isEmpty()) {
      return new MailAddress(List.of(), List.of(), true, 0);
    }
    int at = t.lastIndexOf("@");
    if (at <= 0 || at == t.size() - 1) {
      return new MailAddress(List.copyOf(t), List.of(), false, 0);
    }
    List<String> domain = new ArrayList<>(t.subList(at + 1, t.size()));
    int dots = 0;
    while (domain.size() >= 2 && domain.get(domain.size() - 1).equals(".")) {
      domain.remove(domain.size() - 1);
      dots++;
    }
    return new MailAddress(List.copyOf(t.subList(0, at)), List.copyOf(domain), false, dots);
  }

  boolean qualified() {
    return !domain.isEmpty();
  }

  /** {@code user@domain} as tokens. */
  List<String> full() {
    List<String> out = new ArrayList<>(local);
    out.add("@");
    out.addAll(domain);
    return out;
  }

  /** {@code user@} as tokens. */
  List<String> user() {
    List<String> out = new ArrayList<>(local);
    out.add("@");
    return out;
  }

  String text() {
    return TokenText.join(qualified() ? full() : local);
  }
}
