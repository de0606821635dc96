package io.accessctl.lint.rules;

import io.accessctl.source.Bytes;
import io.accessctl.tokens.Prescan;
import io.accessctl.tokens.Prescan.Token;
import io.accessctl.tokens.TokenText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A TLS_Srv_Features / TLS_Clt_Features value as readcf.c get_tls_se_features() (8.17.1.9) reads
 * it. The ruleset hands the value's tokens to C joined without any blank; optional surrounding
 * double quotes are removed; then {@code key=value} pairs separated by {@code ;} are read. Keys
 * compare without regard to case. A syntax error, an unknown key, an unknown SSL_OP_ name, a bad
 * servername/sts value or a CertFile without KeyFile (or the reverse) makes sendmail give up
 * STARTTLS for that peer.
 *
 * @param input the string C parses (tokens joined, quotes still on)
 * @param options the pairs read before any error, keys in lower case
 * @param fatal why sendmail gives up STARTTLS, or null
 * @param issues things that do not abort but do not do what they seem to
 */
record TlsSessionFeatures(String input, Map<String, String> options, String fatal,
    List<Issue> issues) {

  /**
   * A problem that does not abort STARTTLS.
   *
   * @param serious true when an option is silently lost (an error), false for a letter that
   *     means nothing (a warning)
   * @param text what is wrong
   */
  record Issue(boolean serious, String text) {}

  /** readcf.c SSL_Option[] as compiled into Debian's binary with OpenSSL 3 (all 42 names). */
  static final Set<String> SSL_OPTIONS = Set.of("SSL_OP_MICROSOFT_SESS_ID_BUG",
      "SSL_OP_NETSCAPE_CHALLENGE_BUG", "SSL_OP_LEGACY_SERVER_CONNECT",
      "SSL_OP_NETSCAPE_REUSE_CIPHER_CHANGE_BUG", "SSL_OP_SSLREF2_REUSE_CERT_TYPE_BUG",
      "SSL_OP_MICROSOFT_BIG_SSLV3_BUFFER", "SSL_OP_MSIE_SSLV2_RSA_PADDING",
      "SSL_OP_SSLEAY_080_CLIENT_DH_BUG", "SSL_OP_TLS_D5_BUG", "SSL_OP_TLS_BLOCK_PADDING_BUG",
      "SSL_OP_DONT_INSERT_EMPTY_FRAGMENTS", "SSL_OP_ALL", "SSL_OP_NO_QUERY_MTU",
      "SSL_OP_COOKIE_EXCHANGE", "SSL_OP_NO_TICKET", "SSL_OP_CISCO_ANYCONNECT",
      "SSL_OP_NO_SESSION_RESUMPTION_ON_RENEGOTIATION", "SSL_OP_NO_COMPRESSION",
      "SSL_OP_ALLOW_UNSAFE_LEGACY_RENEGOTIATION", "SSL_OP_SINGLE_ECDH_USE",
      "SSL_OP_SINGLE_DH_USE", "SSL_OP_EPHEMERAL_RSA", "SSL_OP_CIPHER_SERVER_PREFERENCE",
      "SSL_OP_TLS_ROLLBACK_BUG", "SSL_OP_NO_SSLV2", "SSL_OP_NO_SSLV3", "SSL_OP_NO_TLSV1",
      "SSL_OP_NO_TLSV1_3", "SSL_OP_NO_TLSV1_2", "SSL_OP_NO_TLSV1_1", "SSL_OP_PKCS1_CHECK_1",
      "SSL_OP_PKCS1_CHECK_2", "SSL_OP_NETSCAPE_CA_DN_BUG",
      "SSL_OP_NETSCAPE_DEMO_CIPHER_CHANGE_BUG", "SSL_OP_CRYPTOPRO_TLSEXT_BUG",
      "SSL_OP_TLSEXT_PADDING", "SSL_OP_NO_RENEGOTIATION", "SSL_OP_NO_ANTI_REPLAY",
      "SSL_OP_ALLOW_NO_DHE_KEX", "SSL_OP_NO_ENCRYPT_THEN_MAC", "SSL_OP_ENABLE_MIDDLEBOX_COMPAT",
      "SSL_OP_PRIORITIZE_CHACHA");

  /** Keys sendmail knows (servername and sts with _FFR_MTA_STS, as in Debian's build). */
  static final List<String> KEYS = List.of("Options", "CipherList", "CipherSuites", "CertFile",
      "KeyFile", "Flags", "servername", "sts");

  /** Flags letters with a meaning (sendmail.h TLSI_FL_*). */
  static final Map<Character, String> FLAGS = Map.of('R', "require a CRL",
      'C', "fall back to clear text after a failed handshake",
      'c', "never fall back to clear text", 'd', "no DANE", 'M', "no MTA-STS");

  /** The flags letters set (every letter or digit of every Flags value). */
  String flags() {
    return options.getOrDefault("flags", "");
  }

  boolean aborts() {
    return fatal != null;
  }

  static TlsSessionFeatures parse(List<Token> tokens) {
    return new Parser(TokenText.concat(Prescan.upToFirstClose(tokens))).run();
  }

  /** A direct port of the C loop, index for index. */
  private static final class Parser {
    private final String input;
    private final char[] s;
    private int len;
    private int i;
    private final Map<String, String> options = new LinkedHashMap<>();
    private final List<Issue> issues = new ArrayList<>();

    Parser(String input) {
      this.input = input;
      this.s = (input + "\0").toCharArray();
      this.len = input.length();
    }

    TlsSessionFeatures run() {
      if (len < 2) {
        return result(null);
      }
      if (s[0] == '"' && s[len - 1] == '"') {
        s[0] = ' ';
        s[--len] = '\0';
        if (len <= 2) {
          return result(null);
        }
        i = 1;
      }
      boolean first = true;
      do {
        skipBlanks();
        if (i >= len) {
          return result(first ? "the value is empty" : "a ';' is followed only by blanks");
        }
        first = false;
        int keyStart = i;
        while (i < len && s[i] != '=' && s[i] != '\0' && !isSpace(s[i])) {
          i++;
        }
        String key = new String(s, keyStart, i - keyStart);
        if (i >= len) {
          return result("\"" + key + "\" has no '=' (sendmail needs key=value)");
        }
        while (i < len && isSpace(s[i])) {
          i++;
        }
        if (i >= len || s[i] != '=') {
          return result("\"" + key + "\" is not followed by '=' (sendmail needs key=value)");
        }
        i++;
        skipBlanks();
        if (i >= len) {
          return result("\"" + key + "=\" has no value");
        }
        int valueStart = i;
        while (i < len && s[i] != ';' && s[i] != '\0') {
          i++;
        }
        String value = new String(s, valueStart, i - valueStart);
        if (s[i] != '\0') {
          i++;
        }
        String why = apply(key, value);
        if (why != null) {
          return result(why);
        }
      } while (s[i] != '\0' && i < len);
      boolean cert = options.containsKey("certfile");
      boolean keyFile = options.containsKey("keyfile");
      if (cert != keyFile) {
        return result((cert ? "CertFile" : "KeyFile") + " is given without "
            + (cert ? "KeyFile" : "CertFile") + " (sendmail needs both or neither)");
      }
      return result(null);
    }

    private String apply(String key, String value) {
      String k = key.toLowerCase(Locale.ROOT);
      options.merge(k, value, (a, b) -> k.equals("flags") ? a + b : b);
      if (value.indexOf('=') >= 0 && (k.equals("flags") || k.equals("options"))) {
        String missing = "\"" + key + "=" + value + "\" holds a second '=': a ';' is missing "
            + "between two options, so sendmail reads the second as part of the " + key + " value";
        if (k.equals("options")) {
          return missing + " and finds no such SSL option; separate options with ';'";
        }
        issues.add(new Issue(true, missing + " and never applies it; separate options with ';'"));
        return null;
      }
      switch (k) {
        case "options" -> {
          return sslOptions(value);
        }
        case "cipherlist" -> {
          return value.isEmpty() ? "CipherList is empty (OpenSSL accepts no empty cipher list)"
              : null;
        }
        case "flags" -> {
          for (char c : value.toCharArray()) {
            if (c < 0x80 && Character.isLetterOrDigit(c) && !FLAGS.containsKey(c)) {
              issues.add(new Issue(false,
                  "Flags letter '" + c + "' means nothing to sendmail (known: R C c d M)"));
            }
          }
          return null;
        }
        case "ciphersuites", "certfile", "keyfile" -> {
          return null;
        }
        case "servername" -> {
          return value.equalsIgnoreCase("hostname") ? null
              : "servername=" + value + " is not allowed (only servername=hostname)";
        }
        case "sts" -> {
          return value.equalsIgnoreCase("secure") ? null
              : "sts=" + value + " is not allowed (only sts=secure)";
        }
        default -> {
          return "\"" + key + "\" is not a key sendmail knows (" + String.join(", ", KEYS) + ")";
        }
      }
    }

    /** readssloptions(): names or numbers separated by blanks or commas, each with +/- . */
    private String sslOptions(String value) {
      int p = 0;
      while (p < value.length()) {
        while (p < value.length() && value.charAt(p) == ' ') {
          p++;
        }
        if (p >= value.length()) {
          break;
        }
        if (value.charAt(p) == '-' || value.charAt(p) == '+') {
          p++;
        }
        int q = p;
        while (p < value.length() && !isSpace(value.charAt(p)) && value.charAt(p) != ',') {
          p++;
        }
        String name = value.substring(q, p);
        if (p < value.length()) {
          p++;
        }
        boolean number = !name.isEmpty() && Character.isDigit(name.charAt(0));
        if (!number && !SSL_OPTIONS.contains(name.toUpperCase(Locale.ROOT))) {
          return name.isEmpty() ? "Options has an empty name (two separators in a row)"
              : "Options names " + Bytes.display(name) + ", which is no SSL_OP_ name sendmail "
                  + "knows";
        }
      }
      return null;
    }

    private void skipBlanks() {
      while (i < len && isSpace(s[i])) {
        i++;
      }
    }

    private static boolean isSpace(char c) {
      return Bytes.isSpace(c);
    }

    private TlsSessionFeatures result(String fatal) {
      return new TlsSessionFeatures(input, Map.copyOf(options), fatal, List.copyOf(issues));
    }
  }
}
