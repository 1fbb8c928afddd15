package io.cutcheck.cli.conform;

/**
 * One rule of PROTOCOL.md the kit checks: the section it comes from, a short stable id (for tests
 * and for telling rows apart) and the rule in one line as the table prints it.
 */
public record Rule(String section, String id, String text) {

    /** The section as the table prints it: {@code §2}. */
    public String sectionLabel() {
        return "§" + section;
    }
}
