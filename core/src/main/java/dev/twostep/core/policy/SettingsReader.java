package dev.twostep.core.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads admin-typed settings one at a time. A missing value takes its default; a wrong one (not a number,
 * out of range) keeps its default too and is named in {@link #problems()}, so that one typo never resets
 * the other settings. Each setting's default is its safe value; settings whose safe value is not the
 * default (the allowed countries) handle their own mistakes.
 */
public final class SettingsReader {
    private final Map<String, String> config;
    private final List<String> problems = new ArrayList<>();

    public SettingsReader(Map<String, String> config) {
        this.config = config == null ? Map.of() : config;
    }

    /** A whole number from {@code min} to {@code max}; otherwise {@code fallback}, and a problem noted. */
    public int whole(String key, int fallback, int min, int max) {
        String value = text(key);
        if (value == null) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below, as a value out of range is
        }
        problem(key + "=" + value + " is not a whole number from " + min + " to " + max + "; using " + fallback);
        return fallback;
    }

    /** The trimmed value, or null when unset or blank. */
    public String text(String key) {
        String value = config.get(key);
        return value == null || value.isBlank() ? null : value.trim();
    }

    public void problem(String problem) {
        problems.add(problem);
    }

    public List<String> problems() {
        return List.copyOf(problems);
    }
}
