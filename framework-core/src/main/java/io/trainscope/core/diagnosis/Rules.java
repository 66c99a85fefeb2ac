package io.trainscope.core.diagnosis;

import io.trainscope.core.diagnosis.rules.BadInitialLossRule;
import io.trainscope.core.diagnosis.rules.DeadUnitsRule;
import io.trainscope.core.diagnosis.rules.ExplodingActivationsRule;
import io.trainscope.core.diagnosis.rules.ExplodingGradientsRule;
import io.trainscope.core.diagnosis.rules.InitMismatchRule;
import io.trainscope.core.diagnosis.rules.LearningRateTooHighRule;
import io.trainscope.core.diagnosis.rules.LearningRateTooLowRule;
import io.trainscope.core.diagnosis.rules.SaturationRule;
import io.trainscope.core.diagnosis.rules.SymmetricUnitsRule;
import io.trainscope.core.diagnosis.rules.TooDeepRule;
import io.trainscope.core.diagnosis.rules.UnstandardizedInputsRule;
import io.trainscope.core.diagnosis.rules.VanishingGradientsRule;

import java.util.List;

/** The standard rules, one per {@link Ailment}. */
public final class Rules {

    private Rules() {
    }

    /** Every standard rule. */
    public static List<Rule> standard() {
        return List.of(new UnstandardizedInputsRule(), new SymmetricUnitsRule(), new ExplodingActivationsRule(),
                new ExplodingGradientsRule(), new VanishingGradientsRule(), new TooDeepRule(), new InitMismatchRule(),
                new SaturationRule(), new DeadUnitsRule(), new BadInitialLossRule(), new LearningRateTooHighRule(),
                new LearningRateTooLowRule());
    }
}
