package io.accessctl.sendmail;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A TLS_Srv / TLS_Clt / TLS_Rcpt value as proto.m4's TLS_connection and TLS_req rulesets read it:
 * {@code [PERM+|TEMP+](VERIFY[:bits]|ENCR:bits)[+ext{++ext}]}, keywords in any case, the error
 * code from the prefix (503 5.7.0, 403 4.7.0, or 454 4.7.0).
 *
 * @param reply SMTP reply code used when the requirement fails ("503", "403", "454")
 * @param dsn enhanced status code ("5.7.0", "4.7.0")
 * @param level "VERIFY" or "ENCR", upper case
 * @param bitsToken the strength as written, or "" (VERIFY without bits)
 * @param extensions the {@code CN}, {@code CN:name}, {@code CS:dn}, {@code CI:dn},
 *     {@code CITag:T} extensions, each as its tokens
 */
public record TlsRequirement(String reply, String dsn, String level, String bitsToken,
    List<List<String>> extensions) {

  /**
   * The requirement in a value's tokens; empty when the value imposes none (sendmail accepts any
   * other value silently).
   */
  public static Optional<TlsRequirement> parse(List<String> tokens) {
    String reply = "454";
    String dsn = "4.7.0";
    List<String> t = tokens;
    if (t.size() >= 3 && t.get(1).equals("+") && isTls(t.get(2))) {
      if (t.get(0).equalsIgnoreCase("PERM")) {
        reply = "503";
        dsn = "5.7.0";
        t = t.subList(2, t.size());
      } else if (t.get(0).equalsIgnoreCase("TEMP")) {
        reply = "403";
        dsn = "4.7.0";
        t = t.subList(2, t.size());
      }
    }
    if (t.isEmpty() || !isTls(t.get(0))) {
      return Optional.empty();
    }
    String level = t.get(0).toUpperCase(Locale.ROOT);
    List<String> ext;
    String bits = "";
    if (level.equals("VERIFY") && t.size() == 1) {
      ext = List.of();
    } else if (level.equals("VERIFY") && t.size() >= 3 && t.get(1).equals("+")) {
      ext = t.subList(2, t.size());
    } else if (t.size() == 3 && t.get(1).equals(":")) {
      bits = t.get(2);
      ext = List.of();
    } else if (t.size() >= 5 && t.get(1).equals(":") && t.get(3).equals("+")) {
      bits = t.get(2);
      ext = t.subList(4, t.size());
    } else {
      return Optional.empty();
    }
    return Optional.of(new TlsRequirement(reply, dsn, level, bits, splitExtensions(ext)));
  }

  private static boolean isTls(String token) {
    return token.equalsIgnoreCase("VERIFY") || token.equalsIgnoreCase("ENCR");
  }

  /** Extensions are separated by "++" (two "+" tokens). */
  private static List<List<String>> splitExtensions(List<String> t) {
    List<List<String>> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i + 1 < t.size(); i++) {
      if (t.get(i).equals("+") && t.get(i + 1).equals("+") && i > start) {
        out.add(List.copyOf(t.subList(start, i)));
        start = i + 2;
        i++;
      }
    }
    if (start < t.size()) {
      out.add(List.copyOf(t.subList(start, t.size())));
    }
    return out;
  }

  /** The strength in bits as the arith map reads it (strtol base 0; not a number: 0). */
  public long bits() {
    return bitsToken.isEmpty() ? 0 : Tokens.strtol(bitsToken, 0);
  }

  /** The requirement written the canonical way ({@code PERM+VERIFY:112+CN}). */
  public String canonical() {
    StringBuilder sb = new StringBuilder();
    if (reply.equals("503")) {
      sb.append("PERM+");
    } else if (reply.equals("403")) {
      sb.append("TEMP+");
    }
    sb.append(level);
    if (!bitsToken.isEmpty()) {
      sb.append(':').append(bitsToken);
    }
    String sep = "+";
    for (List<String> e : extensions) {
      sb.append(sep).append(Tokens.join(e));
      sep = "++";
    }
    return sb.toString();
  }

  /** In words, for the trace. */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    if (level.equals("VERIFY")) {
      sb.append("the peer's certificate must verify");
      if (!bitsToken.isEmpty()) {
        sb.append(" and the cipher must have at least ").append(bits()).append(" bits");
      }
    } else {
      sb.append("the cipher (or SASL layer) must have at least ").append(bits()).append(" bits");
    }
    for (List<String> e : extensions) {
      sb.append("; ").append(describeExtension(e));
    }
    sb.append("; otherwise sendmail fails with ").append(reply).append(' ').append(dsn)
        .append(reply.equals("503") ? " (permanent)" : " (temporary)");
    return sb.toString();
  }

  private static String describeExtension(List<String> e) {
    String head = e.get(0);
    String arg = e.size() > 2 && e.get(1).equals(":") ? Tokens.join(e.subList(2, e.size())) : "";
    return switch (head.toUpperCase(Locale.ROOT)) {
      case "CN" -> arg.isEmpty() ? "the certificate's CN must be the peer's host name"
          : "the certificate's CN must be " + arg;
      case "CS" -> "the certificate subject must be " + arg;
      case "CI" -> "the certificate issuer must be " + arg;
      case "CITAG" -> "the issuer must be listed as " + arg + ":<issuer> OK in the access map";
      default -> "extension " + Tokens.join(e) + " is not understood: sendmail ignores it and"
          + " every extension after it";
    };
  }

  /** What the TLS session looked like, for {@link #evaluate}. */
  public record Session(String verify, String cipherBits, String authSsf, String tlsName,
      String cnSubject, String certSubject, String certIssuer) {}

  /**
   * The outcome of TLS_connection for this requirement ({@code null} for none) in a session:
   * "OK", or "error DSN REPLY" as sendmail's {@code $#error $@ DSN $: REPLY …}. CITag extensions
   * need another map lookup and are not evaluated (reported as "OK").
   */
  public static String evaluate(Optional<TlsRequirement> req, Session s) {
    String v = s.verify() == null ? "" : s.verify();
    String reply = req.map(TlsRequirement::reply).orElse("454");
    String dsn = req.map(TlsRequirement::dsn).orElse("4.7.0");
    if (v.equalsIgnoreCase("SOFTWARE") || v.equalsIgnoreCase("PROTOCOL")
        || v.equalsIgnoreCase("DANE_FAIL") || v.equalsIgnoreCase("CONFIG")) {
      return "error " + dsn + " " + reply;
    }
    if (req.isEmpty()) {
      return "OK";
    }
    TlsRequirement r = req.get();
    boolean verified = v.equalsIgnoreCase("OK") || v.equalsIgnoreCase("TRUSTED");
    if (r.level().equals("VERIFY")) {
      if (!verified) {
        return "error " + r.dsn() + " " + r.reply();
      }
      if (r.bitsToken().isEmpty() && r.extensions().isEmpty()) {
        return "OK";
      }
    }
    long need = r.level().equals("VERIFY") && r.bitsToken().isEmpty() ? 0 : r.bits();
    long have = Math.max(number(s.cipherBits()), number(s.authSsf()));
    if (have < need) {
      return "error " + r.dsn() + " " + r.reply();
    }
    for (List<String> e : r.extensions()) {
      String head = e.get(0).toUpperCase(Locale.ROOT);
      String arg = e.size() > 2 && e.get(1).equals(":") ? Tokens.join(e.subList(2, e.size())) : null;
      boolean ok = switch (head) {
        case "CN" -> e.size() == 1 ? sameTokens(s.tlsName(), s.cnSubject())
            : arg != null && sameTokens(arg, s.cnSubject());
        case "CS" -> arg != null && sameTokens(arg, s.certSubject());
        case "CI" -> arg != null && sameTokens(arg, s.certIssuer());
        case "CITAG" -> true;
        default -> true;
      };
      if (!List.of("CN", "CS", "CI", "CITAG").contains(head)) {
        return "OK"; // TLS_req has no rule for it: the workspace comes back unchanged, no error
      }
      if (!ok) {
        return "error " + r.dsn() + " " + r.reply();
      }
    }
    return "OK";
  }

  private static long number(String s) {
    return s == null || s.isEmpty() ? 0 : Tokens.strtol(s, 0);
  }

  /** A requirement token string compared with a macro as the rule engine does: case-insensitive. */
  private static boolean sameTokens(String required, String macro) {
    String m = macro == null ? "" : macro;
    return String.join("", Tokens.scan(required)).equalsIgnoreCase(String.join("", Tokens.scan(m)));
  }
}
