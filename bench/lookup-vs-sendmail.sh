#!/usr/bin/env bash
# Benchmark: lookups per second of `accessctl lookup --batch` against an N-entry compiled map
# (default 1,000,000, compiled once by `makemap hash`), and of `sendmail -bt` answering the same
# Q queries (default 200,000: enough that neither side's start-up counts) with the same map, R
# times alternating (default 3). Queries mix Try_TLS (server
# names that match at the first key, or walk every parent, the address and the bare tag),
# Srv_Features (a parent domain matches) and Connect (name walk with untagged keys, then address).
# sendmail is asked what `lookup` runs for each question (sendmail.Checks; the steps are proved
# against sendmail -d38.20 by LookupRulesOracleTest): try_tls and srv_features with the server's
# or client's macros; for Connect, check_relay with the client's macros and then, as Debian's cf
# has delay_checks, check_rcpt of postmaster with {mail_from} <> — the ClientRate:, ClientConn:,
# Spam: and TLS_Clt: keys lookup's Connect answer walks too. SENDMAIL_ASKS=basic asks sendmail
# only Basic_check_relay for Connect (this bench's definition before 2026-12-06: less than lookup
# answers).
# Prints the median rates (whole process, start-up included) and the median of the runs' ratios.
#   usage: bench/lookup-vs-sendmail.sh [N] [Q] [R]   needs sendmail-bin and root (unshare -u)
#   ACCESSCTL=cmd overrides the accessctl command (default ./accessctl).
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000000}
q=${2:-200000}
runs=${3:-3}
ac=${ACCESSCTL:-./accessctl}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

bench/bt-setup.sh "$work" "$n"

# The same queries twice: TAG<TAB>NAME<TAB>ADDR for accessctl, macros + ruleset call for sendmail.
asks=${SENDMAIL_ASKS:-plan}
# the ruleset whose "returns:" line ends a Connect question's first step (check_rcpt calls
# Basic_check_relay again under delay_checks)
last=$([ "$asks" = basic ] && echo Basic_check_rela || echo check_relay)
awk -v n="$n" -v q="$q" -v tsv="$work/queries.tsv" -v bt="$work/queries.bt" -v asks="$asks" 'BEGIN {
  srand(20261124);
  for (k = 0; k < q; k++) {
    i = int(rand() * n); addr = sprintf("192.0.%d.%d", int(rand() * 256), int(rand() * 256));
    r = k % 4;
    j = i - i % 8 + 3; if (j >= n) j -= 8;
    if (r == 0) { tag = "Try_TLS"; name = sprintf("mx%d.host%d.example.org", j % 7, j) }
    else if (r == 1) { tag = "Try_TLS"; name = sprintf("smtp.unknown%d.example.org", i) }
    else if (r == 2) { tag = "Srv_Features"; name = sprintf("x.client%d.example.com", j + 1) }
    else { tag = "Connect"; name = sprintf("a.spammer%d.example.biz", i) }
    printf "%s\t%s\t%s\n", tag, name, addr > tsv;
    if (tag == "Try_TLS")
      printf ".D{server_name}%s\n.D{server_addr}%s\ntry_tls x\n", name, addr > bt;
    else if (tag == "Srv_Features")
      printf ".D{client_name}%s\n.D{client_addr}%s\nsrv_features x\n", name, addr > bt;
    else if (asks == "basic")
      printf "MkBar,Basic_check_relay %s = %s\n", name, addr > bt;
    else
      printf ".D{client_name}%s\n.D{client_addr}%s\n.D{client_ptr}%s\n.D{client_resolve}OK\n.D{mail_from}\nMkBar,check_relay %s = %s\n.D{mail_from}<>\ncheck_rcpt postmaster\n", name, addr, name, name, addr > bt;
  }
}'

$ac --version >/dev/null   # builds the jar on first use; not timed
. bench/runs.sh
runs_reset
for r in $(seq "$runs"); do
  t0=$(now)
  $ac lookup --map "$work/access.db" --cf "$work/test.cf" --batch "$work/queries.tsv" > "$work/ac.out"
  t1=$(now)
  unshare -u sh -c 'hostname "$(hostname | cut -d. -f1).localdomain" && exec sendmail -bt -C "$0"' \
    "$work/test.cf" < "$work/queries.bt" > "$work/sm.out"
  t2=$(now)
  answers=$(wc -l < "$work/ac.out")
  [ "$answers" -eq "$q" ] || { echo "accessctl answered $answers of $q queries" >&2; exit 1; }
  returns=$(grep -cE "^(try_tls|srv_features|$last) +returns:" "$work/sm.out" || true)
  [ "$returns" -eq "$q" ] || { echo "sendmail answered $returns of $q queries" >&2; exit 1; }
  runs_record "$r" "$t0" "$t1" "$t2"
done
ta=$(runs_median ta)
ts=$(runs_median ts)
printf 'map entries=%s queries=%s runs=%s (matched: %s)\n' "$n" "$q" "$runs" \
  "$(grep -vc '"key":null' "$work/ac.out" || true)"
printf 'accessctl lookup --batch  %8.3f s  %10.0f lookups/s (median)\n' "$ta" "$(echo "$q / $ta" | bc -l)"
printf 'sendmail -bt              %8.3f s  %10.0f lookups/s (median)\n' "$ts" "$(echo "$q / $ts" | bc -l)"
printf 'ratio accessctl/sendmail = %.2f (median of the runs)\n' "$(runs_median ratio)"
