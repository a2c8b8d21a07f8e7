package dev.twostep.it.bench;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The parts of {@code -Pbench} (its failsafe executions, named by {@code twostep.bench.part}) a benchmark
 * class belongs to. {@code -Dit.test=...} reaches every execution; this keeps a class to its own, so that
 * naming one class runs it once per database or topology it is meant for and starts no server elsewhere.
 * Outside {@code -Pbench} (no part set) the class runs.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(BenchPart.OnlyInItsParts.class)
@interface BenchPart {
    /** Parts: {@code h2}, {@code postgres}, {@code cluster}, {@code startup}. */
    String[] value();

    /** Evaluated before any {@code BeforeAll} callback, so a class left out starts no Keycloak. */
    final class OnlyInItsParts implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            String part = System.getProperty("twostep.bench.part", "");
            BenchPart parts = context.getRequiredTestClass().getAnnotation(BenchPart.class);
            if (part.isEmpty() || parts == null || Arrays.asList(parts.value()).contains(part)) {
                return ConditionEvaluationResult.enabled("bench part " + part);
            }
            return ConditionEvaluationResult.disabled("not part of the " + part + " benchmark execution");
        }
    }
}
