/**
 * makemap(8) of sendmail 8.17.1 as a use case, for {@code accessctl makemap}: {@link
 * io.accessctl.app.makemap.Makemap} takes makemap's arguments and input and returns a {@link
 * io.accessctl.app.makemap.MakemapResult} (its messages, in order, and its exit status) that the
 * command prints.
 *
 * <p>The pieces are makemap's own, each behaving as makemap's does, messages included: {@link
 * io.accessctl.app.makemap.Getopt} reads the arguments with glibc getopt's rules; {@code
 * MakemapCf} reads TrustedUser and a map's class from the cf (splitting the K line with {@link
 * io.accessctl.cf.KLine}, as everything else does); {@link io.accessctl.app.makemap.SafeFile}
 * makes sendmail's safefile() checks of the map file; {@link io.accessctl.app.makemap.Accounts}
 * looks users and groups up; {@code MakemapBuild} stores the records. The formats come from
 * {@link io.accessctl.mapfile.MapFormat}'s registry.
 */
package io.accessctl.app.makemap;
