package io.accessctl.lint;

import io.accessctl.source.Bytes;
import java.util.ArrayList;
import java.util.List;

/** A unified diff of two versions of a file (Myers' algorithm, three lines of context). */
public final class TextDiff {
  private static final int CONTEXT = 3;

  private TextDiff() {}

  private record Op(char kind, int a, int b) {}

  /** The diff in {@code diff -u} form, or "" when equal. Lines are shown as byte strings. */
  public static String unified(String name, byte[] before, byte[] after) {
    List<String> a = Fixer.splitLines(before);
    List<String> b = Fixer.splitLines(after);
    List<Op> ops = diff(a, b);
    if (ops.stream().allMatch(o -> o.kind == ' ')) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    sb.append("--- ").append(name).append('\n').append("+++ ").append(name).append('\n');
    int i = 0;
    while (i < ops.size()) {
      if (ops.get(i).kind == ' ') {
        i++;
        continue;
      }
      int start = Math.max(0, i - CONTEXT);
      int end = i;
      int lastChange = i;
      while (end < ops.size() && end - lastChange <= 2 * CONTEXT) {
        if (ops.get(end).kind != ' ') {
          lastChange = end;
        }
        end++;
      }
      end = Math.min(ops.size(), lastChange + CONTEXT + 1);
      int aStart = -1;
      int bStart = -1;
      int aLen = 0;
      int bLen = 0;
      StringBuilder body = new StringBuilder();
      for (int k = start; k < end; k++) {
        Op o = ops.get(k);
        if (aStart < 0) {
          aStart = o.a;
          bStart = o.b;
        }
        String text = o.kind == '+' ? b.get(o.b) : a.get(o.a);
        if (o.kind != '+') {
          aLen++;
        }
        if (o.kind != '-') {
          bLen++;
        }
        body.append(o.kind).append(Bytes.display(text).replace("\\t", "\t")).append('\n');
      }
      sb.append("@@ -").append(aLen == 0 ? aStart : aStart + 1).append(',').append(aLen)
          .append(" +").append(bLen == 0 ? bStart : bStart + 1).append(',').append(bLen)
          .append(" @@\n").append(body);
      i = end;
    }
    return sb.toString();
  }

  /** Beyond this many differing lines the middle is shown as one replacement (bounded memory). */
  private static final int MAX_EDITS = 2000;

  private static List<Op> diff(List<String> a, List<String> b) {
    int p = 0;
    while (p < a.size() && p < b.size() && a.get(p).equals(b.get(p))) {
      p++;
    }
    int s = 0;
    while (s < a.size() - p && s < b.size() - p
        && a.get(a.size() - 1 - s).equals(b.get(b.size() - 1 - s))) {
      s++;
    }
    List<Op> ops = new ArrayList<>();
    for (int i = 0; i < p; i++) {
      ops.add(new Op(' ', i, i));
    }
    List<Op> middle = myers(a.subList(p, a.size() - s), b.subList(p, b.size() - s), p);
    if (middle == null) {
      middle = new ArrayList<>();
      for (int i = p; i < a.size() - s; i++) {
        middle.add(new Op('-', i, p));
      }
      for (int j = p; j < b.size() - s; j++) {
        middle.add(new Op('+', a.size() - s, j));
      }
    }
    ops.addAll(middle);
    for (int i = 0; i < s; i++) {
      ops.add(new Op(' ', a.size() - s + i, b.size() - s + i));
    }
    return ops;
  }

  /** Myers' shortest edit script, indexes offset by {@code base}; null when too many edits. */
  private static List<Op> myers(List<String> a, List<String> b, int base) {
    int n = a.size();
    int m = b.size();
    int max = n + m;
    int[] v = new int[2 * max + 2];
    List<int[]> trace = new ArrayList<>();
    int found = -1;
    for (int d = 0; d <= max && found < 0; d++) {
      if (d > MAX_EDITS) {
        return null;
      }
      // Only diagonals -d..d can be read back for step d: keep just that window.
      trace.add(java.util.Arrays.copyOfRange(v, max - d, max + d + 1));
      for (int k = -d; k <= d; k += 2) {
        int x = (k == -d || (k != d && v[max + k - 1] < v[max + k + 1]))
            ? v[max + k + 1] : v[max + k - 1] + 1;
        int y = x - k;
        while (x < n && y < m && a.get(x).equals(b.get(y))) {
          x++;
          y++;
        }
        v[max + k] = x;
        if (x >= n && y >= m) {
          found = d;
          break;
        }
      }
    }
    List<Op> ops = new ArrayList<>();
    int x = n;
    int y = m;
    for (int d = found; d > 0; d--) {
      int[] vd = trace.get(d);
      int k = x - y;
      int prevK = (k == -d || (k != d && vd[d + k - 1] < vd[d + k + 1])) ? k + 1 : k - 1;
      int prevX = vd[d + prevK];
      int prevY = prevX - prevK;
      while (x > prevX && y > prevY) {
        --x;
        --y;
        ops.add(new Op(' ', base + x, base + y));
      }
      if (x == prevX) {
        --y;
        ops.add(new Op('+', base + x, base + y));
      } else {
        --x;
        ops.add(new Op('-', base + x, base + y));
      }
    }
    while (x > 0 && y > 0) {
      --x;
      --y;
      ops.add(new Op(' ', base + x, base + y));
    }
    java.util.Collections.reverse(ops);
    return ops;
  }
}
