package io.accessctl.cf;

/**
 * The access map's K line: {@code Kaccess hash -T<TMPF> /etc/mail/access}.
 *
 * @param mapClass hash, btree, cdb, socket, ldap, …
 * @param path the file (without the .db extension sendmail adds for hash and btree)
 * @param nulKeys -N: keys are stored with a trailing NUL
 * @param noNulKeys -O: keys are stored without
 * @param noFolding -f: lookup keys keep their case
 * @param optional -o: a missing map is empty instead of a temporary failure
 */
public record AccessMapSpec(
    String mapClass, String path, boolean nulKeys, boolean noNulKeys, boolean noFolding,
    boolean optional) {}
