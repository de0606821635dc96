package io.accessctl.sendmail;

import java.util.List;
import java.util.Locale;

/**
 * Explains a key the rules handed to the access map by comparing it with what the question
 * named (host name, address, e-mail address): the name itself, a parent domain, a network, the
 * untagged form, the bare tag. The keys come from the rules; this only puts words to them.
 */
final class KeyWhy {
  private KeyWhy() {}

  /** What a subject of the question is. */
  enum Kind { HOST, ADDRESS, MAIL }

  /** Something the question named, and how to call it ("the client's host name"). */
  record Subject(String text, String label, Kind kind) {}

  /**
   * Why the rules looked this key up.
   *
   * @param previous the key looked up just before, or null
   * @param asked the tag of the question
   */
  static String explain(String key, String previous, String asked, List<Subject> subjects) {
    String k = key.toLowerCase(Locale.ROOT);
    if (previous != null && subjectOf(previous.toLowerCase(Locale.ROOT)).equals(k)
        && !tagOf(previous).isEmpty()) {
      return "the same without tag (an untagged entry)";
    }
    String tag = tagOf(key);
    String subject = subjectOf(k);
    String why;
    if (tag.isEmpty()) {
      why = classify(subject, subjects) + " (untagged)";
    } else if (subject.isEmpty()) {
      why = "the bare tag " + tag + ": (the default)";
    } else {
      why = classify(subject, subjects);
    }
    if (!tag.isEmpty() && !tag.equalsIgnoreCase(asked)) {
      why += " [" + tag + ": check]";
    }
    return why;
  }

  /** The tag of a key ("" for an untagged one; "IPv6:" starts an address, not a tag). */
  static String tagOf(String key) {
    return key.substring(0, tagLength(key));
  }

  /** The length of {@link #tagOf}, without taking it out of the key (0 for none). */
  static int tagLength(String key) {
    // one pass to the colon: asked of every key of every trace
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c == ':') {
        return i == IPV6.length() && key.regionMatches(true, 0, IPV6, 0, i) ? 0 : i;
      }
      if (!isTagChar(c)) {
        return 0;
      }
    }
    return 0;
  }

  private static final String IPV6 = "IPv6";

  private static boolean isTagChar(char c) {
    if (c < ASCII_END) {
      return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
          || c == '-';
    }
    return Character.isLetterOrDigit(c);
  }

  private static final char ASCII_END = 0x80;

  private static String subjectOf(String key) {
    String tag = tagOf(key);
    return tag.isEmpty() ? key : key.substring(tag.length() + 1);
  }

  private static String classify(String s, List<Subject> subjects) {
    for (Subject sub : subjects) {
      if (sub.text().equalsIgnoreCase(s)) {
        return sub.label();
      }
    }
    for (Subject sub : subjects) {
      String t = sub.text().toLowerCase(Locale.ROOT);
      if (t.isEmpty()) {
        continue;
      }
      String why = switch (sub.kind()) {
        case HOST -> host(s, t);
        case ADDRESS -> address(s, t);
        case MAIL -> mail(s, t, sub.label());
      };
      if (why != null) {
        return why;
      }
    }
    return "a key this cf's rules build";
  }

  private static String host(String s, String name) {
    if (s.startsWith(".") && name.endsWith(s)) {
      return "\"" + s + "\" form (lookupdotdomain: any host below it)";
    }
    if (name.endsWith("." + s)) {
      return "parent domain";
    }
    if (s.startsWith("[") && s.endsWith("]") && name.startsWith("[")
        && name.startsWith(s.substring(0, s.length() - 1))) {
      return "shorter bracketed address (last " + (s.contains(":") ? "group" : "octet")
          + " dropped)";
    }
    return address(s, name);
  }

  private static String address(String s, String addr) {
    if (addr.startsWith(s + ".")) {
      return "network (last octets dropped)";
    }
    if (addr.startsWith(s + ":")) {
      return "IPv6 network (last groups dropped)";
    }
    return null;
  }

  private static String mail(String s, String address, String label) {
    String a = address.startsWith("<") && address.endsWith(">")
        ? address.substring(1, address.length() - 1) : address;
    int at = a.lastIndexOf('@');
    String user = at < 0 ? a : a.substring(0, at);
    String domain = at < 0 ? "" : a.substring(at + 1);
    int plus = user.indexOf('+', 1);
    String base = plus < 0 ? user : user.substring(0, plus);
    String whose = label.startsWith("the full ") ? "the " + label.substring(9) : label;
    if (s.equals(base + "+*@" + domain) || s.equals(base + "+*@")) {
      return whose + ", with the +detail written as +*";
    }
    if (plus >= 0 && (s.equals(base + "@" + domain) || s.equals(base + "@"))) {
      return whose + ", without the +detail";
    }
    if (s.equals(user + "@")) {
      return "the local part of " + a;
    }
    if (s.equals(domain)) {
      return "the domain of " + a;
    }
    if (s.startsWith(".") && domain.endsWith(s)) {
      return "\"" + s + "\" form (lookupdotdomain: any host below it)";
    }
    if (!domain.isEmpty() && domain.endsWith("." + s)) {
      return "parent domain";
    }
    return null;
  }
}
