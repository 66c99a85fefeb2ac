package io.trainscope.core.plugin;

import io.trainscope.core.TestTrainscope;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every plugin a finding or a document prescribes exists, in the family the prescription puts it
 * in ({@link PrescribedNames} has the rule, {@link PrescriptionTexts} where prescriptions are
 * found); and the README's plugin table lists exactly the standard plugins.
 */
class PrescribedPluginsTest {

    private static final Path REPOSITORY = Path.of("..");
    private static final Pattern TABLE_ROW = Pattern.compile("^\\| ([a-z ]+) \\| (.*) \\|$");
    private static final Pattern BACKTICKED = Pattern.compile("`([a-z][a-z0-9-]*)`");

    private static Map<String, Set<String>> familiesByName() {
        Map<String, Set<String>> byName = new TreeMap<>();
        for (DiscoveredPlugin<?> p : TestTrainscope.get().plugins().all()) {
            byName.computeIfAbsent(p.name(), n -> new TreeSet<>()).add(p.family().id());
        }
        return byName;
    }

    private static List<Path> documents() throws IOException {
        try (Stream<Path> docs = Files.list(REPOSITORY.resolve("docs"))) {
            return Stream.concat(docs.filter(p -> p.toString().endsWith(".md")), Stream.of(REPOSITORY.resolve("README.md")))
                    .sorted().toList();
        }
    }

    @Test
    void everyPluginTheMonitorsFindingsPrescribeExists() {
        List<PrescriptionTexts> prescriptions = PrescriptionTexts.fromJavaSources(REPOSITORY.resolve("plugins/monitors/src/main/java"));
        PrescribedNames rule = new PrescribedNames(familiesByName());

        assertThat(prescriptions).hasSizeGreaterThan(10);
        assertThat(prescriptions.stream().flatMap(p -> rule.problems(p).stream())).isEmpty();
    }

    @Test
    void everyPluginTheDocumentsPrescribeExists() throws IOException {
        List<PrescriptionTexts> prescriptions = PrescriptionTexts.fromMarkdown(documents());
        PrescribedNames rule = new PrescribedNames(familiesByName());

        assertThat(prescriptions).hasSizeGreaterThan(5);
        assertThat(prescriptions.stream().flatMap(p -> rule.problems(p).stream())).isEmpty();
    }

    @Test
    void theRuleCatchesNamesThatDoNotExistOrSitInTheWrongFamily() {
        PrescribedNames rule = new PrescribedNames(familiesByName());

        assertThat(rule.problems(new PrescriptionTexts("a", "Use leaky-relu or swish with he-normal initialization; "
                + "a non-saturating activation, variance 2/(fan-in + fan-out), batchnorm before the activation."))).isEmpty();
        assertThat(rule.problems(new PrescriptionTexts("b", "Switch to selu, or use a warm-up schedule and dropout.")))
                .containsExactly("b: names 'selu', which is no plugin of any family",
                        "b: names 'warm-up', which is no plugin of any family",
                        "b: names 'dropout', which is no plugin of any family");
        assertThat(rule.problems(new PrescriptionTexts("c", "Initialize with tanh, or use he-normal activation. Xavier "
                + "proposed it; relu, initialize with he-normal.")))
                .containsExactly("c: names 'tanh' as initializer, but it is activation",
                        "c: names 'he-normal' as activation, but it is initializer");
    }

    @Test
    void findsPrescriptionsInCallsPhrasesAndMarkdown() {
        List<PrescriptionTexts> fromCode = PrescriptionTexts.fromJavaSources(REPOSITORY.resolve("plugins/monitors/src/main/java"));

        assertThat(fromCode).anySatisfy(p -> assertThat(p.where()).endsWith("Phrases.java"))
                .anySatisfy(p -> assertThat(p.text()).contains("use leaky-relu or swish instead of relu"));
        assertThat(PrescribedNames.clauses("Sigmoid saturates: switch to relu with he-normal (2/fan-in), or tanh."))
                .containsExactly(List.of("Sigmoid", "saturates"), List.of("switch", "to", "relu", "with", "he-normal"),
                        List.of("fan-in"), List.of("or", "tanh"));
    }

    /** Each row of the README's plugin table names exactly the standard plugins of its family. */
    @Test
    void theReadmePluginTableListsExactlyTheStandardPlugins() throws IOException {
        Map<String, Set<String>> table = new TreeMap<>();
        for (String line : Files.readAllLines(REPOSITORY.resolve("README.md"))) {
            Matcher row = TABLE_ROW.matcher(line);
            if (row.matches() && PluginFamily.ALL.stream().anyMatch(f -> f.plural().equals(row.group(1)))) {
                table.put(row.group(1), backticked(row.group(2).replaceAll("\\(.*?\\)|— see .*", "")));
            }
        }
        Map<String, Set<String>> standard = TestTrainscope.get().plugins().all().stream()
                .filter(p -> p.type().getName().startsWith("io.trainscope.plugins."))
                .collect(Collectors.groupingBy(p -> p.family().plural(), TreeMap::new,
                        Collectors.mapping(DiscoveredPlugin::name, Collectors.toCollection(TreeSet::new))));

        assertThat(table).isEqualTo(standard);
    }

    private static Set<String> backticked(String cell) {
        Set<String> names = new TreeSet<>();
        Matcher m = BACKTICKED.matcher(cell);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
