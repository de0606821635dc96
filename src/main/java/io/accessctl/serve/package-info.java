/**
 * The live access map: a socketmap server for sendmail and Postfix over a Berkeley DB Java
 * Edition store that {@code accessctl push} replaces in one transaction.
 *
 * <h2>Protocol</h2>
 *
 * <p>Requests and replies are netstrings ({@code LEN ":" BYTES ","}, no CRLF). A request is
 * {@code MAPNAME SP KEY}; the key is everything after the first space. Replies:
 *
 * <pre>
 * OK value        the key was found (sendmail then applies %0 rewriting itself)
 * NOTFOUND        not found (sent with its trailing space, as Postfix documents it)
 * TEMP reason     temporary failure: no such map in the store, a store error, too many clients
 * TIMEOUT reason  a request did not arrive whole within the request timeout
 * PERM reason     malformed request; for a broken netstring the connection is then closed
 * </pre>
 *
 * <p>sendmail ({@code map.c}, {@code socket_map_lookup}) lower-cases the key and cuts it to
 * MAXNAME (256) bytes unless the K line has {@code -f}, sends it, and reads the status word before
 * the first space: OK, NOTFOUND, TEMP/TIMEOUT (EX_TEMPFAIL: {@code <TMPF>} with {@code -T}) or
 * PERM. When its connection has been closed, the lookup that finds it so fails (EX_TEMPFAIL) and
 * the next one reconnects: hence the server keeps idle connections. The server applies the same
 * key rules itself ({@link io.accessctl.serve.Keys}) so that clients which do not fold (scripts,
 * {@code -f} K lines against a folded map) get the answers a hash file would give.
 *
 * <h2>Store</h2>
 *
 * <p>A JE environment directory. Database {@code accessctl.meta} maps each map name to its
 * {@link io.accessctl.serve.MapInfo} (current generation, entry count, fold flag, source, SHA-256
 * of the source); database {@code map:NAME:GEN} holds that generation's records, key bytes to
 * value bytes, keys as stored by makemap (folded, no NUL). A push creates generation GEN+1 and
 * updates the meta record in one synchronous transaction; the server then swaps its handle, and
 * drops the old database when its last in-flight lookup is done. See {@link
 * io.accessctl.serve.Store}.
 *
 * <p>JE allows one writing process: while {@code serve} runs, {@code push} sends the records over
 * {@code push.sock} in the store directory ({@link io.accessctl.serve.PushChannel}). It tries the
 * socket before it opens the store, since opening it makes JE create files there as the pushing
 * user; and only the store directory's owner opens it for writing. Only the {@code serve},
 * {@code push} and {@code group} commands load this package's JE classes.
 *
 * <h2>Replication group</h2>
 *
 * <p>With {@code serve --group} the store is a JE HA {@code ReplicatedEnvironment} ({@link
 * io.accessctl.serve.GroupNode}). The master commits a push as above, with durability SYNC on its
 * disk and a simple majority of acknowledgements, and drops old generations in a later push's
 * transaction; every member's {@link io.accessctl.serve.Store} follows the meta records that
 * replication applies and switches generations as after a local push. Reads require no
 * consistency, so a member answers from its replica also without a master. A push on a replica
 * goes to the master's push address ({@link io.accessctl.serve.Group#pushAddress()}, the node
 * port + 1) over the same protocol ({@link io.accessctl.serve.GroupPush}). Members publish the
 * generations they serve as JE app state, which {@code group status} collects. A member that
 * was away longer than the others kept their logs is copied from one of them first (JE's network
 * restore, {@link io.accessctl.serve.GroupNode}).
 */
package io.accessctl.serve;
