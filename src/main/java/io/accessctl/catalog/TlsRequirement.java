package io.accessctl.catalog;

import io.accessctl.tokens.Prescan;
import io.accessctl.tokens.Prescan.Token;
import io.accessctl.tokens.Strtol;
import io.accessctl.tokens.TokenText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A TLS_Srv / TLS_Clt / TLS_Rcpt value as proto.m4's TLS_connection and TLS_req rulesets read it:
 *
 * <pre>
 * requirement := [ ("PERM" | "TEMP") "+" ] level [ "+" ext { "++" ext } ]
 * level       := "VERIFY" | ("VERIFY" | "ENCR") ":" bits        (bits: one token)
 * ext         := "CN" | "CN:" name | "CS:" dn | "CI:" dn | "CITag:" tag
 * </pre>
 *
 * A value of any other shape is accepted and imposes nothing. Extensions are checked in order and
 * the first one TLS_req does not know ends the check: it and all after it are ignored. A list that
 * ends in {@code ++} is ignored as a whole. A failed requirement is an error with the code its
 * prefix gives: 503 5.7.0 (PERM), 403 4.7.0 (TEMP), else 454 4.7.0.
 *
 * @param prefix PERM, TEMP or "" (upper case)
 * @param level VERIFY or ENCR (upper case), or "" when the value is no requirement
 * @param bits the bits token as written, or null
 * @param extensions the extensions, each as its tokens
 * @param unknownExtension index of the first extension TLS_req ignores, or -1
 */
public record TlsRequirement(String prefix, String level, Token bits,
    List<List<Token>> extensions, int unknownExtension) {

  public boolean isRequirement() {
    return !level.isEmpty();
  }

  /** The minimum strength as the arith map compares it (strtol base 0), 0 without bits. */
  public long bitsValue() {
    return bits == null ? 0 : Strtol.parse(bits.text(), 0);
  }

  /** The SMTP reply code a failed requirement gets. */
  public String reply() {
    return prefix.equals("PERM") ? "503" : prefix.equals("TEMP") ? "403" : "454";
  }

  /** The enhanced status code a failed requirement gets. */
  public String dsn() {
    return prefix.equals("PERM") ? "5.7.0" : "4.7.0";
  }

  /** The extensions TLS_req checks: those before the first one it does not know. */
  public List<List<Token>> checkedExtensions() {
    return unknownExtension < 0 ? extensions : extensions.subList(0, unknownExtension);
  }

  /** The requirement written the canonical way ({@code PERM+VERIFY:112+CN}). */
  public String canonical() {
    StringBuilder sb = new StringBuilder();
    if (!prefix.isEmpty()) {
      sb.append(prefix).append('+');
    }
    sb.append(level);
    if (bits != null) {
      sb.append(':').append(bits.text());
    }
    String sep = "+";
    for (List<Token> e : extensions) {
      sb.append(sep).append(TokenText.render(e));
      sep = "++";
    }
    return sb.toString();
  }

  /**
   * The requirement in a value's token texts, as the lookup simulator holds them (the tokens get
   * offset 0); empty when the value imposes none (sendmail accepts any other value silently).
   */
  public static Optional<TlsRequirement> ofWords(List<String> words) {
    List<Token> tokens = new ArrayList<>(words.size());
    for (String w : words) {
      tokens.add(new Token(w, 0));
    }
    TlsRequirement r = parse(tokens);
    return r.isRequirement() ? Optional.of(r) : Optional.empty();
  }

  /** The requirement in a value's tokens; {@link #isRequirement()} is false when it is none. */
  public static TlsRequirement parse(List<Token> all) {
    List<Token> t = Prescan.upToFirstClose(all);
    String prefix = "";
    if (t.size() >= 3 && (t.get(0).is("PERM") || t.get(0).is("TEMP")) && t.get(1).is("+")
        && isLevel(t.get(2))) {
      prefix = t.get(0).text().toUpperCase(Locale.ROOT);
      t = t.subList(2, t.size());
    }
    if (t.isEmpty() || !isLevel(t.get(0))) {
      return none(prefix);
    }
    String level = t.get(0).text().toUpperCase(Locale.ROOT);
    Token bits = null;
    List<Token> rest;
    if (t.size() >= 3 && t.get(1).is(":") && (t.size() == 3 || t.get(3).is("+"))) {
      bits = t.get(2);
      rest = t.subList(3, t.size());
    } else if (level.equals("VERIFY")) {
      rest = t.subList(1, t.size());
    } else {
      return none(prefix);
    }
    if (rest.isEmpty()) {
      return new TlsRequirement(prefix, level, bits, List.of(), -1);
    }
    if (rest.size() < 2 || !rest.get(0).is("+")) {
      return none(prefix);
    }
    List<Token> list = rest.subList(1, rest.size());
    List<List<Token>> exts = split(list);
    if (endsWithSeparator(list)) {
      // "<$-:$+ ++ >" matches first: the whole list is swallowed and nothing is checked
      return new TlsRequirement(prefix, level, bits, exts, 0);
    }
    int unknown = -1;
    for (int i = 0; i < exts.size() && unknown < 0; i++) {
      if (!isExtension(exts.get(i))) {
        unknown = i;
      }
    }
    return new TlsRequirement(prefix, level, bits, exts, unknown);
  }

  private static TlsRequirement none(String prefix) {
    return new TlsRequirement(prefix, "", null, List.of(), -1);
  }

  private static boolean isLevel(Token t) {
    return t.is("VERIFY") || t.is("ENCR");
  }

  /** Splits at "+ +" (two tokens), as TLS_connection does, the left part never empty. */
  private static List<List<Token>> split(List<Token> t) {
    List<List<Token>> out = new ArrayList<>();
    int start = 0;
    for (int i = start + 1; i + 1 < t.size(); i++) {
      if (t.get(i).is("+") && t.get(i + 1).is("+") && i + 2 < t.size()) {
        out.add(t.subList(start, i));
        start = i + 2;
        i = start;
      }
    }
    out.add(t.subList(start, t.size()));
    return out;
  }

  /** True when the extension list ends in "+ +", which TLS_connection takes as "no extensions". */
  public static boolean endsWithSeparator(List<Token> t) {
    return t.size() >= 2 && t.get(t.size() - 1).is("+") && t.get(t.size() - 2).is("+");
  }

  /** An extension TLS_req knows: CN, CN:name, CS:dn, CI:dn, CITag:tag. */
  public static boolean isExtension(List<Token> e) {
    if (e.size() == 1) {
      return e.get(0).is("CN");
    }
    if (e.size() < 2 || !e.get(1).is(":")) {
      return false;
    }
    Token k = e.get(0);
    if (k.is("CN")) {
      return true;
    }
    if (k.is("CS") || k.is("CI")) {
      return e.size() >= 3;
    }
    return k.is("CITag") && e.size() == 3;
  }
}
