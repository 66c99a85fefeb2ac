package io.trainscope.core.diagnosis;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trainscope.core.config.ExperimentResolver;
import io.trainscope.core.config.ResolvedExperiment;
import io.trainscope.core.evaluation.Evaluator;
import io.trainscope.core.training.RunOptions;
import io.trainscope.core.training.Trainer;
import io.trainscope.core.training.TrainingResult;
import jakarta.inject.Inject;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code diagnose --fix}: applies the root cause's prescription to a copy of the config, probes
 * again, keeps the change only if it helps ({@link #helps}), and repeats for what remains, for a
 * bounded number of probes ({@code rounds}). When a change uncovers another problem (Glorot
 * weights on a deep sigmoid network leave it too deep), that problem's prescription is added
 * before the pair is judged; a change that does not help is dropped and the next diagnosis is
 * tried. Then trains the original and the cured config briefly (holding out 20% for validation
 * when the config has no validation split) and compares their validation metric.
 */
public final class Cure {

    /** Weight of an error in a diagnosis' burden: one error outweighs any number of warnings in practice. */
    static final int ERROR_WEIGHT = 100;
    /** Weight of a warning. */
    static final int WARNING_WEIGHT = 10;
    /** A change that leaves the burden equal helps if the probe's final loss drops by this share. */
    static final double LOSS_GAIN = 0.05;
    /** The validation share the short training holds out when the config has no validation split. */
    static final double HELD_OUT = 0.2;

    private final Diagnoser diagnoser;
    private final ExperimentResolver resolver;
    private final Trainer trainer;

    @Inject
    public Cure(Diagnoser diagnoser, ExperimentResolver resolver, Trainer trainer) {
        this.diagnoser = diagnoser;
        this.resolver = resolver;
        this.trainer = trainer;
    }

    /**
     * Treats the diagnosed config.
     *
     * @param first      the original config's examination
     * @param rounds     at most this many prescriptions tried
     * @param iterations the probe's iterations
     * @param epochs     the short training's epochs
     */
    public CureResult treat(ConfigSource source, Diagnoser.Examination first, int rounds, int iterations, int epochs,
                            Path cache) {
        ConfigSource current = source;
        Diagnoser.Examination exam = first;
        List<CureStep> steps = new ArrayList<>();
        Set<String> tried = new HashSet<>();
        int round = 0;
        while (round < rounds) {
            Diagnosis next = untried(exam.report(), tried);
            if (next == null) {
                break;
            }
            tried.add(key(next));
            Attempt attempt = attempt(current, exam.report(), next, rounds - round, iterations, cache);
            round += attempt.probes();
            List<ConfigChange> changes = attempt.changes();
            ConfigSource candidate = attempt.candidate();
            Diagnoser.Examination after = attempt.exam();
            boolean kept = helps(exam.report(), after.report());
            steps.add(new CureStep(next, changes, exam.report().vitals(), after.report().vitals(), kept,
                    verdict(next, changes, after.report(), kept)));
            if (kept) {
                current = candidate;
                exam = after;
            }
        }
        Scored before = score(source, epochs, cache);
        Scored after = score(current, epochs, cache);
        return new CureResult(steps, current, first.report(), exam.report(), before.metric(), before.value(),
                after.value(), epochs);
    }

    /**
     * Tries a diagnosis' prescription; when it does not help but uncovers another problem (and a
     * probe is left), adds that problem's prescription before the pair is judged.
     */
    private Attempt attempt(ConfigSource current, DiagnosisReport before, Diagnosis next, int probesLeft, int iterations,
                            Path cache) {
        List<ConfigChange> changes = new ArrayList<>(next.prescription().changes());
        Diagnoser.Examination after = diagnoser.diagnose(current.with(changes), iterations, cache);
        Diagnosis uncovered = after.report().primary();
        if (!helps(before, after.report()) && probesLeft > 1 && uncovered != null && uncovered.ailment() != next.ailment()
                && !uncovered.prescription().changes().isEmpty()) {
            changes.addAll(uncovered.prescription().changes());
            return new Attempt(changes, current.with(changes), diagnoser.diagnose(current.with(changes), iterations, cache),
                    2);
        }
        return new Attempt(changes, current.with(changes), after, 1);
    }

    /** Changes tried, the config with them, its examination, and the probes it took. */
    private record Attempt(List<ConfigChange> changes, ConfigSource candidate, Diagnoser.Examination exam, int probes) {
    }

    /** The first diagnosis at warning or above, in ranking order, whose prescription has changes not tried yet. */
    private static Diagnosis untried(DiagnosisReport report, Set<String> tried) {
        return report.atLeast(Level.WARNING).stream()
                .filter(d -> !d.prescription().changes().isEmpty() && !tried.contains(key(d)))
                .findFirst().orElse(null);
    }

    private static String key(Diagnosis d) {
        return d.prescription().changes().stream().map(ConfigChange::describe).toList().toString();
    }

    /**
     * Whether {@code after} is better than {@code before}: a lighter burden (errors x 100 +
     * warnings x 10), or the same burden and a probe loss at least 5% lower.
     */
    static boolean helps(DiagnosisReport before, DiagnosisReport after) {
        int b = burden(before);
        int a = burden(after);
        if (a != b) {
            return a < b;
        }
        double lb = before.vitals().finalLoss();
        double la = after.vitals().finalLoss();
        return Double.isFinite(la) && (!Double.isFinite(lb) || la < (1 - LOSS_GAIN) * lb);
    }

    static int burden(DiagnosisReport report) {
        return report.all().stream().mapToInt(d -> d.level() == Level.ERROR ? ERROR_WEIGHT
                : d.level() == Level.WARNING ? WARNING_WEIGHT : 0).sum();
    }

    private static String verdict(Diagnosis treated, List<ConfigChange> tried, DiagnosisReport after, boolean kept) {
        String changes = String.join(", ", tried.stream().map(ConfigChange::describe).toList());
        String remains = after.primary() == null ? "nothing remains" : "now " + after.primary().ailment().id();
        return kept ? changes + " cures " + treated.ailment().id() + " (" + remains + "): kept"
                : changes + " did not help against " + treated.ailment().id() + " (" + remains + "): not kept";
    }

    /** The validation metric after a short training (accuracy for classification, else loss), or NaN. */
    private Scored score(ConfigSource source, int epochs, Path cache) {
        ConfigSource split = hasValidation(source) ? source : source.with(List.of(new ConfigChange("data.split",
                JsonNodeFactory.instance.objectNode().put("train", 1 - HELD_OUT).put("validation", HELD_OUT),
                "a validation split to compare on")));
        ObjectNode tree = Probe.singleRun(split).tree();
        tree.set("monitors", JsonNodeFactory.instance.arrayNode());
        ((ObjectNode) tree.with("training")).put("epochs", epochs);
        ConfigSource plain = new ConfigSource(tree, source.defaultName(), source.origin(), source.directory());
        ResolvedExperiment experiment = resolver.resolve(plain.parse());
        RunOptions options = new RunOptions(null, null, null, cache, false);
        long examples = trainer.trainingExamples(experiment, options);
        if (experiment.spec().training().batchSize() > examples) {
            // the held-out share can leave fewer examples than a full-batch config's batch: one batch of them all
            ((ObjectNode) tree.with("training")).put("batch-size", examples);
            experiment = resolver.resolve(new ConfigSource(tree, source.defaultName(), source.origin(),
                    source.directory()).parse());
        }
        TrainingResult result = trainer.train(experiment, options);
        Double accuracy = result.validation().get(Evaluator.ACCURACY);
        Double loss = result.validation().get(Evaluator.LOSS);
        return accuracy != null ? new Scored(Evaluator.ACCURACY, accuracy)
                : new Scored(Evaluator.LOSS, loss != null ? loss : Double.NaN);
    }

    private static boolean hasValidation(ConfigSource source) {
        return source.parse().data().split().validation() > 0;
    }

    /** A validation metric's name and value. */
    private record Scored(String metric, double value) {
    }
}
