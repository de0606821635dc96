package io.accessctl.app.makemap;

import io.accessctl.cf.CfFile;
import io.accessctl.source.ParseOptions;

/** makemap's settings, as its option loop sets them from getopt's options one by one. */
final class MakemapFlags {
  /** getopt's option string of makemap 8.17.1: a colon follows an option that takes a value. */
  static final String OPTIONS = "C:D:Nc:defi:Llorst:uvx";

  String cf = CfFile.DEFAULT_CF.toString();
  boolean nul;
  boolean duplicates;
  boolean allowEmpty;
  boolean noFold;
  String fallbackType;
  boolean append;
  boolean replace;
  boolean linksAllowed;
  int sep = ParseOptions.WHITESPACE;
  int comment = '#';
  boolean dump;
  boolean verbose;

  /** True for the options that list the types; makemap prints the list and exits there. */
  static boolean isListing(char letter) {
    return letter == 'l' || letter == 'L' || letter == 'x';
  }

  /** Sets what one option sets; -t with an empty value is complained about and ignored. */
  void apply(Getopt.Option o, Transcript t) {
    String value = o.value();
    switch (o.letter()) {
      case 'C' -> cf = value;
      case 'N' -> nul = true;
      case 'c' -> { } // Berkeley DB cache size: no effect on the file
      case 'd' -> duplicates = true;
      case 'e' -> allowEmpty = true;
      case 'f' -> noFold = true;
      case 'i' -> fallbackType = value;
      case 'D' -> comment = value.isEmpty() ? ParseOptions.NONE : value.charAt(0) & 0xff;
      case 'o' -> append = true;
      case 'r' -> replace = true;
      case 's' -> linksAllowed = true;
      case 't' -> {
        if (value.isEmpty()) {
          t.err("Invalid separator");
        } else {
          sep = value.charAt(0) & 0xff;
        }
      }
      case 'u' -> dump = true;
      case 'v' -> verbose = true;
      default -> throw new IllegalArgumentException("not one of makemap's options: -"
          + o.letter());
    }
  }

  /** How the input is read: these flags, with makemap's own line reading. */
  ParseOptions parseOptions() {
    return new ParseOptions(sep, comment, !noFold, allowEmpty, true);
  }

  /** What the run does with the map file. */
  SafeFile.Use use() {
    return dump ? SafeFile.Use.DUMP : append ? SafeFile.Use.APPEND : SafeFile.Use.BUILD;
  }
}
