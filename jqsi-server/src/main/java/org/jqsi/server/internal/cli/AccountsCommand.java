package org.jqsi.server.internal.cli;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jqsi.core.account.Account;
import org.jqsi.core.account.AccountException;
import org.jqsi.core.account.AccountStore;
import org.jqsi.core.account.PasswordHash;
import org.jqsi.core.account.Role;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.Region;
import org.jqsi.jdbc.Database;
import org.jqsi.password.Argon2idHash;
import org.jqsi.server.internal.ServerMessages;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jqsi accounts}: the accounts of the people who review submissions, added, listed and disabled, on the
 * embedded database ({@code --data}) or PostgreSQL ({@code --database}), while servers run on it (#20). A password is
 * asked on the terminal, twice, or read from standard input with {@code --password-stdin}; it is stored as an Argon2id
 * hash only. Exit status: 0 done, 1 not done (the account exists or does not, the passwords differ or are too short,
 * the database cannot be reached), 2 bad usage.
 */
@Command(name = "accounts", mixinStandardHelpOptions = true,
        description = "Accounts of the people who review submissions: add, list, disable.",
        subcommands = {AccountsCommand.Add.class, AccountsCommand.ListAccounts.class, AccountsCommand.Disable.class})
final class AccountsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                ServerMessages.message(LanguageOption.of(spec.commandLine(), Language.FR),
                        "accounts.missing-subcommand"));
    }

    /** What every subcommand shares: the accounts, and how to say them. */
    abstract static class Base extends DatabaseCommand {

        @Override
        final int run(Database db) {
            try {
                return run(db.accounts());
            } catch (AccountException e) {
                return notDone(e.text().in(language()));
            }
        }

        abstract int run(AccountStore accounts) throws AccountException;

        /** An account's address as given, or bad usage. */
        static String email(String given) throws OptionProblem {
            try {
                return Account.normalizeEmail(given);
            } catch (IllegalArgumentException e) {
                throw new OptionProblem("EMAIL", ServerMessages.text("accounts.expected-email", given));
            }
        }

        /** The regions, by code, for people: {@code 04, 17}, or {@code --} for none. */
        static String regions(Set<Region> regions) {
            return regions.isEmpty() ? "--"
                    : regions.stream().map(Region::code).sorted().collect(Collectors.joining(","));
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Adds an account: a coordinator of one or more regions, or an administrator of all. The "
                    + "password is asked twice on the terminal, or read from standard input's first line with "
                    + "--password-stdin; at least 12 characters.")
    static final class Add extends Base {

        @Parameters(index = "0", paramLabel = "EMAIL", description = "The address they log in with.")
        String email;

        @Option(names = "--role", required = true, paramLabel = "ROLE",
                description = "coordinator (reviews the submissions of its --region) or administrator (all).")
        String role;

        @Option(names = "--region", paramLabel = "CODE", split = ",",
                description = "A region the coordinator reviews, by its two-digit code (04 for the Mauricie) or its "
                        + "name; repeat it, or separate with commas, for several.")
        List<String> regionCodes = List.of();

        @Option(names = "--password-stdin",
                description = "Read the password from standard input's first line, for scripts, instead of asking.")
        boolean passwordStdin;

        private final PasswordHash hashes;
        private String address;
        private Role chosen;
        private final Set<Region> regions = EnumSet.noneOf(Region.class);

        Add() {
            this(new Argon2idHash());
        }

        Add(PasswordHash hashes) {
            this.hashes = hashes;
        }

        @Override
        void check() throws OptionProblem {
            address = email(email);
            chosen = Role.ofCode(role).orElseThrow(() -> new OptionProblem("--role",
                    ServerMessages.text("accounts.expected-role", role)));
            for (String code : regionCodes) {
                regions.add(Region.parse(code.strip()).orElseThrow(() -> new OptionProblem("--region",
                        ServerMessages.text("submissions.expected-region"))));
            }
            if (chosen == Role.COORDINATOR && regions.isEmpty()) {
                throw new OptionProblem("--region", ServerMessages.text("accounts.region-needed"));
            }
            if (chosen == Role.ADMINISTRATOR && !regions.isEmpty()) {
                throw new OptionProblem("--region", ServerMessages.text("accounts.region-not-for-administrator"));
            }
        }

        @Override
        int run(AccountStore accounts) throws AccountException {
            if (accounts.find(address).isPresent()) {
                // Before the password is asked: no one types one twice to be told the account exists.
                throw AccountException.exists(address);
            }
            char[] password;
            try {
                password = passwordStdin ? PasswordInput.fromInput(JqsiCommand.inputOf(spec), language())
                        : PasswordInput.fromTerminal(System.console(), address, language());
            } catch (PasswordInput.Refused e) {
                notDone(e.getMessage());
                return e.usage ? OptionProblem.EXIT : 1;
            } catch (java.io.IOException e) {
                return notDone(ServerMessages.message(language(), "accounts.password-unreadable",
                        String.valueOf(e.getMessage())));
            }
            String hash;
            try {
                hash = hashes.hash(password);
            } finally {
                Arrays.fill(password, '\0');
            }
            Account added = accounts.add(new Account(address, chosen, regions, false, Clock.systemUTC().instant()),
                    hash);
            out().println(ServerMessages.message(language(), "accounts.added", added.email(),
                    added.role().displayName().in(language()), regions(added.regions())));
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Lists the accounts by address: address, role, regions, enabled or disabled, created.")
    static final class ListAccounts extends Base {

        @Override
        int run(AccountStore accounts) {
            List<Account> all = accounts.list();
            DateTimeFormatter date = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(Region.EASTERN);
            for (Account a : all) {
                out().println(String.join("  ", TerminalText.field(a.email()), a.role().displayName().in(language()),
                        regions(a.regions()), ServerMessages.message(language(),
                                a.disabled() ? "accounts.state.disabled" : "accounts.state.enabled"),
                        date.format(a.created())));
            }
            if (all.isEmpty()) {
                spec.commandLine().getErr().println(ServerMessages.message(language(), "accounts.none"));
            }
            return 0;
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true,
            description = "Disables an account: it can no longer log in, and its sessions end. It is kept, for the "
                    + "submissions' history names it.")
    static final class Disable extends Base {

        @Parameters(index = "0", paramLabel = "EMAIL", description = "The account's address.")
        String email;

        private String address;

        @Override
        void check() throws OptionProblem {
            address = email(email);
        }

        @Override
        int run(AccountStore accounts) throws AccountException {
            Account disabled = accounts.disable(address);
            out().println(ServerMessages.message(language(), "accounts.disabled", disabled.email()));
            return 0;
        }
    }
}
