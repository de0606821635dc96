package io.accessctl.lint.rules;

import io.accessctl.catalog.ValueKind;
import io.accessctl.lint.Needs;
import io.accessctl.catalog.Flag;
import io.accessctl.catalog.Tag;
import io.accessctl.lint.Findings;
import io.accessctl.lint.LintContext;
import io.accessctl.tokens.Prescan;
import io.accessctl.tokens.Prescan.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How srv_features and clt_features read a value (srvrsmtp.c srvfeatures, deliver.c
 * cltfeatures): if the first token starts with {@code temp} (any case) the whole value means
 * "temporary failure"; otherwise only the first character of every token counts. For
 * Srv_Features upper case turns a feature off and lower case on; for Clt_Features only upper case
 * does anything. Characters not in the table are ignored.
 */
final class FeatureLetters {
  private FeatureLetters() {}

  /** A rule about Srv_Features / Clt_Features values (AC302–AC305). */
  abstract static class LetterRule extends ValueRule {
    @Override
    public final Needs needs() {
      return Needs.tagsWhere(t -> t.value() == ValueKind.FEATURE_FLAGS).withTokens()
          .sameForSameValue();
    }

    @Override
    protected final void check(ValueRule.Value v, LintContext ctx, Findings out) {
      if (isFeatureTag(v)) {
        List<Token> tokens = tokens(v);
        check(v, tokens, isTemp(tokens), SendmailBuild.of(ctx), out);
      }
    }

    /**
     * Checks one value.
     *
     * @param tokens the words srv_features / clt_features receive
     * @param temp the first word starts with "temp": no letters are read at all
     */
    protected abstract void check(ValueRule.Value v, List<Token> tokens, boolean temp,
        SendmailBuild build, Findings out);
  }

  /** The one-character words that are not punctuation: the letters as written. */
  static List<Token> letters(List<Token> tokens) {
    List<Token> letters = new ArrayList<>(tokens.size());
    for (Token t : tokens) {
      if (t.text().length() == 1 && !isSeparator(t)) {
        letters.add(t);
      }
    }
    return letters;
  }

  /** The tokens srv_features / clt_features receive ({@code R<$+>$* $# $1}). */
  static List<Token> tokens(ValueRule.Value v) {
    return Prescan.upToFirstClose(v.tokens());
  }

  static boolean isFeatureTag(ValueRule.Value v) {
    return v.is(io.accessctl.catalog.ValueKind.FEATURE_FLAGS);
  }

  static boolean isClient(Tag tag) {
    return tag.name().equals("Clt_Features");
  }

  /** The first character of each token of a value: the letters sendmail reads from it. */
  static String firstCharacters(String value) {
    StringBuilder letters = new StringBuilder();
    for (Token t : Prescan.tokens(value)) {
      letters.append(t.text().charAt(0));
    }
    return letters.toString();
  }

  /** The value's first token starts with "temp": a temporary failure, not letters. */
  static boolean isTemp(String value) {
    return isTemp(Prescan.tokens(value));
  }

  /** True when some token of the value has more than one character and starts with {@code c}. */
  static boolean hasWordStartingWith(String value, char c) {
    return Prescan.tokens(value).stream()
        .anyMatch(t -> t.text().length() > 1 && t.text().charAt(0) == c);
  }

  /** The first token starts with "temp": the value is a temporary failure, not letters. */
  static boolean isTemp(List<Token> tokens) {
    return !tokens.isEmpty() && tokens.get(0).text().regionMatches(true, 0, "temp", 0, 4);
  }

  /** A token that is punctuation only ({@code ,} in {@code P,D}): harmless, sendmail skips it. */
  static boolean isSeparator(Token t) {
    return t.text().length() == 1 && !Character.isLetterOrDigit(t.text().charAt(0))
        && t.text().charAt(0) != '"';
  }

  /** What one letter means for this tag and build. */
  enum Status {
    /** In the table and in this build. */
    KNOWN,
    /** Lower case for Clt_Features, which only knows upper-case letters. */
    LOWER_CASE_CLIENT,
    /** Not a letter of this tag in any version. */
    UNKNOWN,
    /** A letter of a later version. */
    LATER_VERSION,
    /** Needs a compile-time switch this build lacks. */
    NOT_IN_BUILD
  }

  /** The catalogue's flag for a letter (either case), if any. */
  static Optional<Flag> flag(Tag tag, char c) {
    return tag.flag(Character.toUpperCase(c));
  }

  static Status status(Tag tag, char c, SendmailBuild build) {
    Optional<Flag> f = flag(tag, c);
    if (f.isEmpty() || !Character.isLetter(c)) {
      return Status.UNKNOWN;
    }
    if (isClient(tag) && Character.isLowerCase(c)) {
      return Status.LOWER_CASE_CLIENT;
    }
    if (!build.atLeast(f.get().since())) {
      return Status.LATER_VERSION;
    }
    if (!build.has(f.get().condition()).orElse(true)) {
      return Status.NOT_IN_BUILD;
    }
    return Status.KNOWN;
  }

  /** What a known letter does, for messages: "'P' (PIPELINING offered (p) / not offered (P))". */
  static String describe(Tag tag, char c) {
    Optional<Flag> f = flag(tag, c);
    return f.isPresent() ? "'" + c + "' (" + f.get().meaning() + ")" : "'" + c + "'";
  }
}
