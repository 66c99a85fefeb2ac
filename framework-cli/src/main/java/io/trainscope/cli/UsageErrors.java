package io.trainscope.cli;

import picocli.CommandLine;

import java.util.List;

/** A command-line usage error (unknown option, bad option value, missing argument) as one line. */
final class UsageErrors {

    private UsageErrors() {
    }

    /** The message, any "did you mean" suggestions, and where the usage is: on one line. */
    static String oneLine(CommandLine.ParameterException e) {
        String message = e.getMessage().replaceAll("\\s*\\R\\s*", " ").trim();
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched) {
            List<String> suggestions = unmatched.getSuggestions();
            if (!suggestions.isEmpty()) {
                message += "; did you mean " + String.join(" or ", suggestions.subList(0, Math.min(3, suggestions.size())))
                        + "?";
            }
        }
        return message + "; see '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'";
    }
}
