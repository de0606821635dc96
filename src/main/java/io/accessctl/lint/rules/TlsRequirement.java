package io.accessctl.lint.rules;

import io.accessctl.lint.rules.Prescan.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
 * ends in {@code ++} is ignored as a whole.
 *
 * @param prefix PERM, TEMP or "" (upper case)
 * @param level VERIFY or ENCR (upper case), or "" when the value is no requirement
 * @param bits the bits token as written, or null
 * @param extensions the extensions, each as its tokens
 * @param unknownExtension index of the first extension TLS_req ignores, or -1
 */
record TlsRequirement(String prefix, String level, Token bits, List<List<Token>> extensions,
    int unknownExtension) {

  boolean isRequirement() {
    return !level.isEmpty();
  }

  /** The minimum strength as the arith map compares it (strtol base 0), 0 without bits. */
  long bitsValue() {
    return bits == null ? 0 : Strtol.parse(bits.text(), 0);
  }

  static TlsRequirement parse(List<Token> all) {
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
  static boolean endsWithSeparator(List<Token> t) {
    return t.size() >= 2 && t.get(t.size() - 1).is("+") && t.get(t.size() - 2).is("+");
  }

  /** An extension TLS_req knows: CN, CN:name, CS:dn, CI:dn, CITag:tag. */
  static boolean isExtension(List<Token> e) {
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
