package io.accessctl.lint.rules;

import io.accessctl.lint.ByteClasses;
import io.accessctl.lint.Needs;
import io.accessctl.catalog.Side;
import io.accessctl.catalog.Tag;
import io.accessctl.lint.Findings;
import io.accessctl.lint.LintContext;
import io.accessctl.lint.RuleInfo;
import io.accessctl.lint.Severity;
import io.accessctl.tokens.Prescan;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** AC201: {@code Try_TLS: host NO} is the bare default {@code Try_TLS:} with the value "host NO". */
public final class SpaceAfterColon extends KeyRule {
  static final RuleInfo INFO = new RuleInfo("AC201", "space-after-colon", Severity.ERROR,
      "a blank after the tag's colon, which makes the line the tag's bare default",
      """
      The key ends at the first blank. 'Try_TLS: broken.example NO' is therefore the key
      'Try_TLS:' — the bare default, consulted for every host that has no entry of its own — with
      the value 'broken.example NO'. For tags with a bare default (Try_TLS, TLS_Srv, TLS_Clt,
      TLS_Rcpt, Srv_Features, Clt_Features, ClientRate, ClientConn, AuthInfo) the value now applies
      to everybody: 'Srv_Features: my.host P' turned PIPELINING off for every client. For the other
      tags (Connect, From, To, GreetPause, …) sendmail never looks the bare key up and the entry is
      dead. A second such line for the same tag is a duplicate key (AC103).

      Wrong:
        Try_TLS: broken.example NO
      Right:
        Try_TLS:broken.example NO
      """);

  private static final Pattern MAIL = Pattern.compile("[^@\\s:\"]*@[^@\\s:\"]*");

  @Override
  public Needs needs() {
    // only a bare key of a known tag can be a subject written after the colon
    return Needs.knownTags().keyHolding(ByteClasses.ENDS_IN_COLON);
  }

  @Override
  public RuleInfo info() {
    return INFO;
  }

  /** True when the entry is {@code Tag:} of a known tag with a host, address or e-mail first word. */
  static boolean applies(Key k) {
    if (!k.bare() || k.tag() == null) {
      return false;
    }
    List<String> words = Values.words(Values.intended(k.entry().value()));
    return words.size() >= 2 && looksLikeSubject(words.get(0));
  }

  /** A word that reads as a key subject: an address, network, host name or e-mail address. */
  static boolean looksLikeSubject(String w) {
    return isIpv4(w) || isIpv6Key(w) || insideBrackets(w) != null || isDottedName(w)
        || w.equalsIgnoreCase("localhost") || w.equals("<>") || MAIL.matcher(w).matches();
  }

  @Override
  void check(Key k, LintContext ctx, Findings out) {
    if (!applies(k)) {
      return;
    }
    Tag tag = k.tag();
    String value = Values.intended(k.entry().value());
    List<String> words = Values.words(value);
    String subject = words.get(0);
    String rest = String.join(" ", words.subList(1, words.size()));
    String bareKey = Values.quote(k.tagText() + ":");
    String fix = plain(k.with(subject)) + " " + plain(rest);
    String what;
    if (tag.hasBareDefault()) {
      what = "the blank after the colon makes this the bare default " + bareKey
          + ", so sendmail uses the value " + Values.quote(value) + " for " + everybody(tag)
          + consequence(tag, subject, value);
    } else {
      what = "the blank after the colon makes the key " + bareKey + ", which sendmail never looks"
          + " up (" + tag.name() + " has no bare default), so this entry is dead";
    }
    out.add(INFO, k.entry(), k.subjectColumn(), what + "; write " + fix);
  }

  private static String everybody(Tag tag) {
    return switch (tag.side()) {
      case CLIENT -> "every server it delivers to";
      case SERVER -> "every client that connects";
      case MESSAGE -> "every recipient";
    } + " without an entry of its own";
  }

  private static String consequence(Tag tag, String subject, String value) {
    return switch (tag.value()) {
      case TRY_TLS -> "; that value is not NO, so sendmail still uses STARTTLS with "
          + plain(subject);
      case TLS_REQUIREMENT -> "; a value that does not start with VERIFY, ENCR, PERM+ or TEMP+"
          + " is no requirement, so sendmail requires nothing of " + plain(subject);
      case FEATURE_FLAGS -> flags(tag, value);
      default -> "";
    };
  }

  /** The flags sendmail reads: the first character of every token that the tag knows. */
  private static String flags(Tag tag, String value) {
    boolean upperOnly = tag.side() == Side.CLIENT; // Clt_Features: lower case does nothing
    Set<String> letters = new LinkedHashSet<>();
    for (String token : Prescan.words(value)) {
      char c = token.charAt(0);
      boolean known = Character.isLetter(c) && tag.flag(Character.toUpperCase(c)).isPresent();
      if (known && (!upperOnly || Character.isUpperCase(c))) {
        letters.add(String.valueOf(c));
      }
    }
    return letters.isEmpty() ? "" : ", reading the flags "
        + letters.stream().collect(Collectors.joining(" ")) + " (the first character of each"
        + " token) for all of them";
  }
}
