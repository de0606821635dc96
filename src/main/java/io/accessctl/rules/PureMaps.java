package io.accessctl.rules;

import io.accessctl.tokens.Strtol;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** The map classes that compute their answer: {@code macro}, {@code arith}, {@code dequote}, {@code regex}. */
final class PureMaps {
  private PureMaps() {}

  /** {@code $(macro NAME $@ VALUE $)} sets the macro (unsets it without a value); always "". */
  static MapClass macro() {
    return (key, args, macros) -> {
      if (key.isEmpty()) {
        return MapClass.Result.NOT_FOUND;
      }
      macros.set(key, args.isEmpty() ? null : args.get(0));
      return MapClass.Result.found("");
    };
  }

  /** {@code $(arith OP $@ A $@ B $)}: + - * / % | & of two numbers, l (less) and = as TRUE/FALSE. */
  static MapClass.Pure arith() {
    return (key, args, macros) -> {
      if (key.isEmpty() || args.size() < 2) {
        return MapClass.Result.NOT_FOUND;
      }
      long a = Strtol.parse(args.get(0), 10);
      long b = Strtol.parse(args.get(1), 10);
      String r = switch (key.charAt(0)) {
        case '|' -> Long.toString(a | b);
        case '&' -> Long.toString(a & b);
        case '+' -> Long.toString(a + b);
        case '-' -> Long.toString(a - b);
        case '*' -> Long.toString(a * b);
        case '/' -> b == 0 ? null : Long.toString(a / b);
        case '%' -> b == 0 ? null : Long.toString(a % b);
        case 'l' -> a < b ? "TRUE" : "FALSE";
        case '=' -> a == b ? "TRUE" : "FALSE";
        default -> null;
      };
      return r == null ? MapClass.Result.NOT_FOUND : MapClass.Result.found(r);
    };
  }

  /**
   * {@code dequote}: the key without its double quotes, when it had some and is otherwise a plain
   * word (balanced, no blanks); else not found.
   */
  static MapClass.Pure dequote(MapOptions options) {
    return new MapClass.Pure() {
      @Override
      public Result lookup(String key, List<String> args, Macros macros) {
        String v = dequoted(key);
        return v == null ? Result.NOT_FOUND : Result.found(options.rewrite(v, key, args));
      }

      @Override
      public boolean stripsQuotes() {
        return false;
      }
    };
  }

  private static String dequoted(String name) {
    StringBuilder q = new StringBuilder();
    int angles = 0;
    int comments = 0;
    int quotes = 0;
    int spaces = 0;
    boolean quoteMode = false;
    boolean backslash = false;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (backslash) {
        backslash = false;
        q.append(c);
        continue;
      }
      switch (c) {
        case '\\' -> backslash = true;
        case '(' -> comments++;
        case ')' -> {
          if (comments-- <= 0) {
            return null;
          }
        }
        case ' ', '\t' -> spaces++;
        default -> { }
      }
      if (comments > 0) {
        q.append(c);
        continue;
      }
      if (c == '"') {
        quoteMode = !quoteMode;
        quotes++;
        continue;
      }
      if (c == '<') {
        angles++;
      } else if (c == '>' && angles-- <= 0) {
        return null;
      }
      q.append(c);
    }
    if (angles != 0 || comments != 0 || backslash || quoteMode || quotes <= 0 || spaces != 0) {
      return null;
    }
    return q.toString();
  }

  /**
   * {@code regex}: the key matched against the pattern in any case ({@code -f}: in its case, as
   * for the other classes; {@code -n} inverts); a match returns "" (and the {@code -a} text), or
   * with {@code -s} the numbered groups joined by {@code -d} (a blank).
   */
  static MapClass.Pure regex(MapOptions options) {
    Pattern p;
    try {
      p = Pattern.compile(options.rest(), options.has('f') ? 0 : Pattern.CASE_INSENSITIVE);
    } catch (PatternSyntaxException e) {
      return empty();
    }
    return (key, args, macros) -> {
      Matcher m = p.matcher(key);
      boolean found = m.find() != options.has('n');
      if (!found) {
        return MapClass.Result.NOT_FOUND;
      }
      String groups = options.flags().get('s');
      if (groups == null || options.has('n')) {
        return MapClass.Result.found(options.rewrite("", key, args));
      }
      String delim = options.flags().getOrDefault('d', " ");
      StringBuilder sb = new StringBuilder();
      for (String g : groups.split(",")) {
        int n = (int) Strtol.parse(g, 10);
        String v = n <= m.groupCount() ? m.group(n) : null;
        if (v != null) {
          if (sb.length() > 0) {
            sb.append(delim.isEmpty() ? " " : delim.substring(0, 1));
          }
          sb.append(v);
        }
      }
      return MapClass.Result.found(options.rewrite(sb.toString(), key, args));
    };
  }

  /** A map that needs the network or the system (host, dnsbl, ldap, socket …): never found. */
  static MapClass.Pure unknowable(String mapClass) {
    MapClass.Result r = MapClass.Result.unknowable(
        "map class " + mapClass + " needs the network or the system: not found");
    return (key, args, macros) -> r;
  }

  /** A map whose class sendmail knows but that never finds anything here ({@code null}, …). */
  static MapClass.Pure empty() {
    return (key, args, macros) -> MapClass.Result.NOT_FOUND;
  }
}
