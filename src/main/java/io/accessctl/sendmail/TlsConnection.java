package io.accessctl.sendmail;

import io.accessctl.catalog.TlsRequirement;
import io.accessctl.tokens.Prescan;
import io.accessctl.tokens.Prescan.Token;
import io.accessctl.tokens.Strtol;
import io.accessctl.tokens.TokenText;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What proto.m4's TLS_connection and TLS_req rulesets do with a TLS requirement in a session. */
public final class TlsConnection {
  private TlsConnection() {}

  /** What the TLS session looked like, for {@link #evaluate}. */
  public record Session(String verify, String cipherBits, String authSsf, String tlsName,
      String cnSubject, String certSubject, String certIssuer) {}

  /** The requirement in words, for the trace. */
  public static String describe(TlsRequirement r) {
    StringBuilder sb = new StringBuilder();
    if (r.level().equals("VERIFY")) {
      sb.append("the peer's certificate must verify");
      if (r.bits() != null) {
        sb.append(" and the cipher must have at least ").append(r.bitsValue()).append(" bits");
      }
    } else {
      sb.append("the cipher (or SASL layer) must have at least ").append(r.bitsValue())
          .append(" bits");
    }
    for (List<Token> e : r.extensions()) {
      sb.append("; ").append(describeExtension(e));
    }
    sb.append("; otherwise sendmail fails with ").append(r.reply()).append(' ').append(r.dsn())
        .append(r.reply().equals("503") ? " (permanent)" : " (temporary)");
    return sb.toString();
  }

  private static String describeExtension(List<Token> e) {
    if (!TlsRequirement.isExtension(e)) {
      return "extension " + TokenText.render(e) + " is not understood: sendmail ignores it and"
          + " every extension after it";
    }
    String arg = argument(e);
    return switch (e.get(0).text().toUpperCase(Locale.ROOT)) {
      case "CN" -> arg.isEmpty() ? "the certificate's CN must be the peer's host name"
          : "the certificate's CN must be " + arg;
      case "CS" -> "the certificate subject must be " + arg;
      case "CI" -> "the certificate issuer must be " + arg;
      default -> "the issuer must be listed as " + arg + ":<issuer> OK in the access map";
    };
  }

  /** What follows {@code NAME:} in an extension, joined as cataddr() joins it; "" for none. */
  private static String argument(List<Token> e) {
    return e.size() > 2 && e.get(1).is(":") ? TokenText.render(e.subList(2, e.size())) : "";
  }

  /**
   * The outcome of TLS_connection for this requirement (empty for none) in a session: "OK", or
   * "error DSN REPLY" as sendmail's {@code $#error $@ DSN $: REPLY …}. CITag extensions need
   * another map lookup and are not evaluated (reported as "OK").
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
    String failed = "error " + r.dsn() + " " + r.reply();
    boolean verified = v.equalsIgnoreCase("OK") || v.equalsIgnoreCase("TRUSTED");
    if (r.level().equals("VERIFY")) {
      if (!verified) {
        return failed;
      }
      if (r.bits() == null && r.extensions().isEmpty()) {
        return "OK";
      }
    }
    long need = r.level().equals("VERIFY") && r.bits() == null ? 0 : r.bitsValue();
    long have = Math.max(number(s.cipherBits()), number(s.authSsf()));
    if (have < need) {
      return failed;
    }
    for (List<Token> e : r.checkedExtensions()) {
      String arg = argument(e);
      boolean ok = switch (e.get(0).text().toUpperCase(Locale.ROOT)) {
        case "CN" -> sameTokens(e.size() == 1 ? s.tlsName() : arg, s.cnSubject());
        case "CS" -> sameTokens(arg, s.certSubject());
        case "CI" -> sameTokens(arg, s.certIssuer());
        default -> true; // CITag
      };
      if (!ok) {
        return failed;
      }
    }
    return "OK";
  }

  private static long number(String s) {
    return s == null || s.isEmpty() ? 0 : Strtol.parse(s, 0);
  }

  /** A requirement token string compared with a macro as the rule engine does: case-insensitive. */
  private static boolean sameTokens(String required, String macro) {
    String m = macro == null ? "" : macro;
    return String.join("", Prescan.words(required))
        .equalsIgnoreCase(String.join("", Prescan.words(m)));
  }
}
