package io.trainscope.api.internal;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean" suggestions for misspelt names. Internal: not part of the stable API. */
public final class Suggestions {

    private Suggestions() {
    }

    /**
     * The candidate closest to {@code typed}, if it is close enough to be a plausible typo:
     * within an edit distance of a third of its length (at least 1, at most 3), or a prefix match.
     */
    public static Optional<String> closest(String typed, Collection<String> candidates) {
        if (typed == null || typed.isEmpty()) {
            return Optional.empty();
        }
        String t = typed.toLowerCase(Locale.ROOT);
        return candidates.stream()
                .map(c -> new Scored(c, distance(t, c.toLowerCase(Locale.ROOT))))
                .filter(s -> s.distance <= Math.min(3, Math.max(1, s.name.length() / 3))
                        || (t.length() >= 3 && s.name.toLowerCase(Locale.ROOT).startsWith(t)))
                .min(Comparator.comparingInt((Scored s) -> s.distance).thenComparing(s -> s.name))
                .map(s -> s.name);
    }

    /** "; did you mean 'x'?" or the empty string. */
    public static String didYouMean(String typed, Collection<String> candidates) {
        return closest(typed, candidates).map(c -> "; did you mean '" + c + "'?").orElse("");
    }

    /**
     * Edit distance counting an insertion, a deletion, a substitution or a swap of two neighbouring
     * characters as one edit (optimal string alignment): {@code modle} is one edit from {@code model}.
     */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    private record Scored(String name, int distance) {
    }
}
