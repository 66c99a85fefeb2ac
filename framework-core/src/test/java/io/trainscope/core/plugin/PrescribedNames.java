package io.trainscope.core.plugin;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rule that every plugin a prescription names exists, in the family the prescription puts it
 * in. A prescription is split into clauses at punctuation and clauses into words; a word is
 * <i>name-like</i> when it is written in lower case and is a discovered plugin's name, contains a
 * hyphen, or is in {@link #KNOWN_ELSEWHERE}. For each name-like word that is not in {@link #ORDINARY_WORDS}:
 * <ol>
 *   <li>a hyphenated word must be a discovered plugin (of any family): {@code leaky-relu} before
 *       the plugin existed, {@code warm-up} for a schedule trainscope does not have, fail;</li>
 *   <li>a word of {@link #KNOWN_ELSEWHERE} (activations, initializers, normalizers and training
 *       techniques of other libraries) must be a discovered plugin: {@code swish} before it existed,
 *       {@code selu}, {@code layernorm}, {@code dropout}, fail;</li>
 *   <li>the family its neighbours give it must hold it: followed by "activation", an activation;
 *       followed by "initialization", "init" or "initializer", or after "initialize with", an
 *       initializer; followed by "normalization" or "normalizer", a normalizer (in the same clause).</li>
 * </ol>
 * Ordinary words (the, relu's neighbours) are never name-like, and neither is a monitor's or data
 * source's name outside such a context: "saturation" and "normal" are English too.
 */
final class PrescribedNames {

    /** Hyphenated words of ordinary prose that prescriptions use and that are not plugin names. */
    static final Set<String> ORDINARY_WORDS = Set.of("fan-in", "fan-out", "non-saturating", "pre-activations");

    /** Names of activations, initializers, normalizers and techniques in other libraries, which trainscope may lack. */
    static final Set<String> KNOWN_ELSEWHERE = Set.of(
            "selu", "celu", "silu", "softsign", "hardtanh", "hardsigmoid", "hardswish", "relu6", "rrelu", "logsigmoid",
            "swish", "mish", "gelu", "elu", "prelu", "softplus", "leakyrelu",
            "glorot", "kaiming", "orthogonal", "xavier", "lecun",
            "layernorm", "groupnorm", "instancenorm", "weightnorm", "batchnorm", "standardize", "whitening",
            "dropout", "clip", "clipping", "l1", "l2", "warmup");

    private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*");
    private static final Pattern CLAUSE_BREAK = Pattern.compile("[,;:.!?()\\[\\]]|\\s-\\s|—");

    private final Map<String, Set<String>> familiesByName;

    /** @param familiesByName for each discovered plugin name, the ids of the families that have it */
    PrescribedNames(Map<String, Set<String>> familiesByName) {
        this.familiesByName = familiesByName;
    }

    /** What is wrong with the names in one prescription, one sentence each; empty when every name exists. */
    List<String> problems(PrescriptionTexts prescription) {
        List<String> found = new ArrayList<>();
        for (List<String> clause : clauses(prescription.text())) {
            for (int i = 0; i < clause.size(); i++) {
                String word = clause.get(i);
                if (!nameLike(word) || ORDINARY_WORDS.contains(word)) {
                    continue;
                }
                Set<String> families = familiesByName.getOrDefault(word, Set.of());
                String required = requiredFamily(clause, i);
                if (families.isEmpty()) {
                    found.add(prescription.where() + ": names '" + word + "', which is no plugin of any family");
                } else if (required != null && !families.contains(required)) {
                    found.add(prescription.where() + ": names '" + word + "' as " + required + ", but it is "
                            + String.join(", ", families));
                }
            }
        }
        return found;
    }

    /** Only words written in lower case can be names: "Sigmoid" starting a sentence or "Xavier" the person are not. */
    private boolean nameLike(String word) {
        return word.equals(word.toLowerCase(Locale.ROOT))
                && (familiesByName.containsKey(word) || word.contains("-") || KNOWN_ELSEWHERE.contains(word));
    }

    /** The family id the words around position {@code i} give the word there, or null. */
    static String requiredFamily(List<String> words, int i) {
        String next = i + 1 < words.size() ? words.get(i + 1).toLowerCase(Locale.ROOT) : "";
        boolean afterInitializeWith = i >= 2 && words.get(i - 2).toLowerCase(Locale.ROOT).startsWith("initiali")
                && words.get(i - 1).equals("with");
        if (next.startsWith("activation")) {
            return PluginFamily.ACTIVATION.id();
        }
        if (afterInitializeWith || next.equals("init") || next.startsWith("initiali")) {
            return PluginFamily.INITIALIZER.id();
        }
        if (next.startsWith("normaliz")) {
            return PluginFamily.NORMALIZER.id();
        }
        return null;
    }

    /**
     * The words of a text by clause: punctuation ({@code , ; : . ( )} and the like) ends a clause, so
     * that "relu, initialize with" does not put relu next to "initialize". Words keep their case.
     */
    static List<List<String>> clauses(String text) {
        List<List<String>> clauses = new ArrayList<>();
        for (String clause : CLAUSE_BREAK.split(text)) {
            List<String> words = new ArrayList<>();
            Matcher m = WORD.matcher(clause);
            while (m.find()) {
                if (m.start() == 0 || !Character.isLetterOrDigit(clause.charAt(m.start() - 1))) {
                    words.add(m.group());
                }
            }
            if (!words.isEmpty()) {
                clauses.add(words);
            }
        }
        return clauses;
    }
}
