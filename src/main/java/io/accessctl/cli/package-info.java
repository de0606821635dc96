/**
 * The picocli commands: per command its options, one call into {@link io.accessctl.app}, and the
 * rendering of the result as text or JSON. {@link io.accessctl.cli.Main#run} runs the tree
 * in-process with given writers (tests use it); {@link io.accessctl.cli.ErrorHandler} turns any
 * exception into one line on standard error and an exit code ({@link io.accessctl.cli.ExitCodes}).
 *
 * <p>Options shared by several commands are mixins defined once: {@link
 * io.accessctl.cli.CfOptions} ({@code --cf}/{@code --no-cf}), {@link io.accessctl.cli.MapOption}
 * ({@code --map}), {@link io.accessctl.cli.TextOrJson}, {@link io.accessctl.cli.TypeOption},
 * {@link io.accessctl.cli.ParseOptionsMixin} (makemap's -t, -D, -f, -e), {@link
 * io.accessctl.cli.PolicyOptions} (--strict, --force: the one write policy), {@link
 * io.accessctl.cli.ReplaceOption} (-r), {@link io.accessctl.cli.QuietOption}, {@link
 * io.accessctl.cli.StoreOptions} and {@link io.accessctl.cli.LintOutput}. {@link
 * io.accessctl.cli.CompileRun} prints a compilation the same way for compile, set/delete
 * --compile and suggest --compile. {@code ShellCommand} gives the shell a {@link
 * io.accessctl.shell.CommandRunner} over this command tree; the shell does not import this
 * package.
 *
 * <p>Before picocli builds the command, {@link io.accessctl.cli.Main} looks at the arguments only
 * to guess what the run will need ({@link io.accessctl.cli.LikelyLint} for {@code lint}, {@link
 * io.accessctl.cli.RepoOption#likely} for {@code hook run}) and has {@code app} start it on other
 * threads; picocli's parse decides what the run asks, and {@code app} uses what was made ahead
 * only where it was made for exactly that. A wrong guess costs only the work done for it.
 *
 * <p>Every command says {@code addMethodSubcommands = false}: none has methods as subcommands,
 * and picocli otherwise reads the annotations of every method of every command class on every
 * start.
 */
package io.accessctl.cli;
